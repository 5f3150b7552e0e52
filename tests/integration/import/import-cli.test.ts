/** The exact command-line forms scripts and checks rely on, run as a real process. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { BANK_FILES } from "../../unit/import/bank-files";
import { createTestUser } from "../factories";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/main.ts", "import", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const file = (relative: string) => path.join(BANK_FILES, relative);

describe("npm run -s cli -- import", () => {
  it("--dry-run --json prints the transactions and accounts, without a database", { timeout: 60_000 }, async () => {
    const result = await cli([file("ofx-ofx-js/example1.ofx"), "--dry-run", "--json"], {
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { transactions: object[]; accounts: { key: string }[] };
    expect(printed.transactions[2]).toEqual({
      date: "2012-09-07",
      amount: "-100.00",
      currency: "NZD",
      description: "06 0773 0214764 33 / Debit Transfer: Bike",
      payee: "06 0773 0214764 33",
      externalId: "20120907.0",
    });
    expect(printed.accounts[0]!.key).toBe("1234567-00");
  });

  it("exits 2 with one FILE:LINE: reason line for a file it cannot read", { timeout: 60_000 }, async () => {
    const broken = file("csv-hledger/malformed/csvamountparse.csv");
    const result = await cli([broken, "--dry-run", "--json"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${broken}:5: "badamount" is not an amount\n` });
  });

  it("--user imports into a new manual account, and again adds nothing", { timeout: 60_000 }, async () => {
    const user = await createTestUser(db);
    const args = [file("csv-csv2ofx/capitalone.csv"), "--user", user.email, "--account", "Venture card", "--json"];
    const first = await cli(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      imports: [{ account: "Venture card", accountCreated: true, added: 2 }],
    });
    const second = await cli(args);
    expect(JSON.parse(second.stdout)).toMatchObject({ imports: [{ accountCreated: false, added: 0, duplicates: 2 }] });
    const accounts = await db.bankAccount.findMany({
      where: { userId: user.id },
      select: { name: true, _count: { select: { transactions: true } } },
    });
    expect(accounts).toEqual([{ name: "Venture card", _count: { transactions: 2 } }]);
  });
});
