/**
 * `npm run demo`  — migrate, seed the demo user, build if needed, run web + worker + local Plaid.
 * `npm run dev`   — the same with `next dev`.
 * `npm start`     — production: run web + worker (migrations are `npm run db:migrate`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-freshness";
import { ensureSecrets } from "./ensure-secrets";
import { PROCESS_MEMORY_ENV, nextCommand, nextStartCommand, tsxCommand } from "./node-commands";

const ROOT = path.resolve(import.meta.dirname, "..");
const mode = process.argv.includes("--dev") ? "dev" : process.argv.includes("--demo") ? "demo" : "production";

function run(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
}

function runToEnd(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    run(command, args).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function main() {
  if (mode !== "production") {
    const generated = ensureSecrets();
    if (generated.length) console.log(`Wrote new ${generated.join(" and ")} to .env`);
  }
  // Imported after .env is complete, so the environment is read once with every value in it.
  const { checkServices } = await import("./check-services");
  if (!(await checkServices())) process.exit(1);

  const children: ChildProcess[] = [];
  if (mode !== "production") {
    await runToEnd(...tsxCommand("scripts/db/migrate.ts"));
    const { startDemoServices } = await import("./demo-services");
    children.push(...(await startDemoServices()));
  }
  if (mode === "demo" && buildIsStale()) {
    console.log("Building the app (once; about a minute)…");
    await runToEnd(...nextCommand("build"));
  }
  const { env } = await import("../src/server/env");
  children.push(
    mode === "dev"
      ? run(...nextCommand("dev", "-p", String(env.PORT)))
      : run(...nextStartCommand("-p", String(env.PORT)), PROCESS_MEMORY_ENV),
    run(...tsxCommand("src/workers/index.ts"), PROCESS_MEMORY_ENV),
  );
  if (mode !== "production") {
    const { seedDemo } = await import("../prisma/seed");
    const demo = await seedDemo();
    console.log(`\n  Money Tracking is starting at ${env.APP_URL}\n  Demo sign-in: ${demo.email} / ${demo.password}\n`);
  }

  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    setTimeout(() => process.exit(code), 5_000).unref();
    Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on("exit", r))))).then(() =>
      process.exit(code),
    );
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
