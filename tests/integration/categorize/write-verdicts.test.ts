/** How the pipeline writes its verdicts back to the transactions it categorized. */
import { beforeAll, describe, expect, it } from "vitest";
import { categorizeTransactions } from "~/server/categorize/categorize-transactions";
import { cleanMerchant } from "~/server/categorize/clean-merchant";
import { predictOffline } from "~/server/categorize/predict-offline";
import { db } from "~/server/db";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

const offline = { cleanMerchant, predictOffline, llm: null };
let own: { userId: string; accountId: string };

// xmin is the transaction that wrote the row's current version: it moves only when the row is rewritten.
const rowVersions = async (ids: string[]) =>
  db.$queryRaw<{ id: string; version: string; category: string | null }[]>`
    SELECT id::text, xmin::text AS version, category FROM transactions WHERE id = ANY(${ids}::uuid[]) ORDER BY id`;

beforeAll(async () => {
  const user = await createTestUser(db);
  own = { userId: user.id, accountId: (await createTestAccount(db, user.id)).id };
});

describe("writing verdicts", () => {
  it("leaves a row untouched when it already holds the verdict, and rewrites only the one whose verdict changed", async () => {
    const coffee = await createTestTransaction(db, own, {
      amount: "-4.50",
      date: "2026-05-02",
      description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
    });
    const fuel = await createTestTransaction(db, own, {
      amount: "-51.20",
      date: "2026-05-03",
      description: "SHELL OIL 57442 AUSTIN TX",
    });
    const ids = [coffee.id, fuel.id];
    await categorizeTransactions(db, own.userId, ids, offline);
    const first = await rowVersions(ids);
    expect(first.every((row) => row.category !== null)).toBe(true);

    await categorizeTransactions(db, own.userId, ids, offline);
    expect(await rowVersions(ids)).toEqual(first);

    await db.transaction.update({ where: { id: fuel.id }, data: { category: null } });
    const beforeThird = await rowVersions(ids);
    const result = await categorizeTransactions(db, own.userId, ids, offline);
    expect(result.categorized).toBe(2);
    const after = await rowVersions(ids);
    const byId = (rows: typeof after, id: string) => rows.find((row) => row.id === id)!;
    expect(byId(after, coffee.id)).toEqual(byId(beforeThird, coffee.id));
    expect(byId(after, fuel.id).version).not.toBe(byId(beforeThird, fuel.id).version);
    expect(byId(after, fuel.id).category).toBe(byId(first, fuel.id).category);
  });
});
