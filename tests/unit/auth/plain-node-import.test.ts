/**
 * Scripts, the CLI and the workers run under plain Node (tsx), not Next's bundler, and CommonJS
 * defaults arrive differently there: the tRPC root — and the next-auth options behind it — must
 * load in both.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("the tRPC root under plain Node", () => {
  it("imports and builds the auth options with their providers", async () => {
    const script = [
      'const { appRouter } = await import("./src/server/api/root.ts");',
      'const { authOptionsFor } = await import("./src/server/auth/options.ts");',
      "const authOptions = authOptionsFor({ ipAddress: null, userAgent: null });",
      "console.log(JSON.stringify({",
      "  procedures: Object.keys(appRouter._def.procedures).length,",
      "  providers: authOptions.providers.map((p) => p.options?.id ?? p.id),",
      "}));",
    ].join("\n");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" },
    });
    const loaded = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(loaded.procedures).toBeGreaterThan(0);
    expect(loaded.providers).toEqual(expect.arrayContaining(["credentials", "two-factor"]));
  }, 30_000);
});
