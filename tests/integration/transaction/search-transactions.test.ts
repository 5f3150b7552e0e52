import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { searchTransactions } from "~/server/transaction/search-transactions";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

let userId: string;

beforeAll(async () => {
  userId = (await createTestUser(db)).id;
  const account = await createTestAccount(db, userId);
  const owner = { userId, accountId: account.id };
  for (const description of ["STARBUCKS COFFEE #1234", "SHELL OIL 5521", "CHECK 1042"])
    await createTestTransaction(db, owner, { amount: "-4.50", date: "2026-03-01", description });
  const check = await db.transaction.findFirstOrThrow({ where: { userId, description: "CHECK 1042" } });
  await db.transaction.update({ where: { id: check.id }, data: { notes: "Piano lessons for March" } });
  // Another user's matching row must never appear.
  const other = (await createTestUser(db)).id;
  const otherAccount = await createTestAccount(db, other);
  await createTestTransaction(
    db,
    { userId: other, accountId: otherAccount.id },
    { amount: "-4.50", date: "2026-03-01", description: "STARBUCKS RESERVE" },
  );
});

const found = async (query: string) => (await searchTransactions(db, userId, { query })).map((t) => t.description);

describe("transaction search", () => {
  it("forgives a typo in the merchant (word similarity 0.58, below pg_trgm's default 0.6)", async () => {
    expect(await found("strbucks")).toEqual(["STARBUCKS COFFEE #1234"]);
  });

  it("finds a transaction by its notes alone", async () => {
    expect(await found("piano")).toEqual(["CHECK 1042"]);
  });

  it("lists what contains the text newest first, then near misses best first, within the limit", async () => {
    const owner = (await createTestUser(db)).id;
    const account = await createTestAccount(db, owner);
    for (const [date, description] of [
      ["2026-01-05", "STARBUCKS 0001 SEATTLE"],
      ["2026-03-09", "STARBUCKS 0002 PORTLAND"],
      ["2026-02-11", "STARBUCK FOODS"],
      ["2026-04-02", "STARBOARD MARINE"],
      ["2026-04-03", "SHELL OIL"],
    ] as const)
      await createTestTransaction(db, { userId: owner, accountId: account.id }, { amount: "-9.00", date, description });
    const search = async (query: string, limit?: number) =>
      (await searchTransactions(db, owner, { query, limit })).map((t) => t.description);

    // STARBOARD MARINE is the newest near miss but the weaker one (word similarity 0.5 against 0.8).
    expect(await search("starbucks")).toEqual([
      "STARBUCKS 0002 PORTLAND",
      "STARBUCKS 0001 SEATTLE",
      "STARBUCK FOODS",
      "STARBOARD MARINE",
    ]);
    expect(await search("starbucks", 2)).toEqual(["STARBUCKS 0002 PORTLAND", "STARBUCKS 0001 SEATTLE"]);
    expect(await search("starbucks", 3)).toEqual([
      "STARBUCKS 0002 PORTLAND",
      "STARBUCKS 0001 SEATTLE",
      "STARBUCK FOODS",
    ]);
  });

  it("finds nothing for noise", async () => {
    expect(await found("xylophone")).toEqual([]);
  });
});
