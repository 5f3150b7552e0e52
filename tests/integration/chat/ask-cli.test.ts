import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { ORACLE_CATEGORY, oracleSpent } from "../spending-oracle";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
let user: LedgerUser;

beforeAll(async () => {
  const today = new Date().toISOString().slice(0, 10);
  user = await generateLedgerUser(db, { seed: 51, timezone: "UTC", from: "2025-01-01", to: today });
});

async function ask(...args: string[]) {
  const { stdout } = await run("npx", ["tsx", "src/cli/main.ts", "ask", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LLM_BASE_URL: "", LOG_LEVEL: "silent" },
  });
  return stdout;
}

describe("npm run -s cli -- ask", () => {
  it('prints {"answer","data"} with amounts as decimal strings, matching plain SQL', async () => {
    const out = await ask("--user", user.email, "--json", "How much did I spend on food in 2025?");
    const parsed = JSON.parse(out) as { answer: string; data: { totals: { currency: string; spent: string }[] } };
    const expected = await oracleSpent(
      db,
      user.id,
      "2025-01-01",
      "2025-12-31",
      `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK'`,
    );
    expect(Object.fromEntries(parsed.data.totals.map((t) => [t.currency, t.spent]))).toEqual(expected);
    for (const t of parsed.data.totals) expect(t.spent).toMatch(/^\d+\.\d{2}$/);
    expect(parsed.answer).toMatch(/^You spent .* on Food & Drink in 2025/);
    expect(out.trim().split("\n")).toHaveLength(1);
  }, 60_000);

  it("explains its usage and fails for an unknown user", async () => {
    await expect(ask("--json", "no user given")).rejects.toMatchObject({ code: 2 });
    await expect(ask("--user", "nobody@example.com", "hello")).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
