import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
let aliceTx: string;
const asAlice = () => createCaller(callerContext(db, alice));
const asBob = () => createCaller(callerContext(db, bob));

beforeAll(async () => {
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  const checking = await createTestAccount(db, alice.id);
  const euro = await createTestAccount(db, alice.id, { name: "Euro", currency: "EUR" });
  const own = { userId: alice.id, accountId: checking.id };
  aliceTx = (await createTestTransaction(db, own, { amount: "-0.10", date: "2026-03-02", category: "FOOD_AND_DRINK" }))
    .id;
  await createTestTransaction(db, own, { amount: "-0.20", date: "2026-03-03", category: "FOOD_AND_DRINK" });
  await createTestTransaction(db, own, {
    amount: "5.00",
    date: "2026-03-04",
    category: "FOOD_AND_DRINK",
    description: "REFUND",
  });
  await createTestTransaction(db, own, {
    amount: "-40.00",
    date: "2026-03-05",
    category: "GENERAL_MERCHANDISE",
    userCategory: "ENTERTAINMENT",
  });
  await createTestTransaction(db, own, { amount: "-500.00", date: "2026-03-06", category: "TRANSFER_OUT" });
  await createTestTransaction(db, own, {
    amount: "-300.00",
    date: "2026-03-07",
    category: "LOAN_PAYMENTS",
    categoryDetailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
  });
  await createTestTransaction(db, own, { amount: "3000.00", date: "2026-03-08", category: "INCOME" });
  await createTestTransaction(db, own, { amount: "-9.99", date: "2026-02-28", category: "FOOD_AND_DRINK" });
  await createTestTransaction(
    db,
    { userId: alice.id, accountId: euro.id },
    { amount: "-7.50", date: "2026-03-09", category: "FOOD_AND_DRINK", currency: "EUR" },
  );
});

describe("transaction.categorySummary", () => {
  it("sums spending exactly per category and currency, nets refunds, and leaves out transfers, income and card payments", async () => {
    const summary = await asAlice().transaction.categorySummary({ from: "2026-03-01", to: "2026-03-31" });
    expect(summary.categories).toEqual([
      { category: "ENTERTAINMENT", currency: "USD", spent: "40.00", count: 1 },
      { category: "FOOD_AND_DRINK", currency: "EUR", spent: "7.50", count: 1 },
    ]);
  });

  it("shows a category whose refunds exceed its spending as nothing spent", async () => {
    const summary = await asAlice().transaction.categorySummary({ from: "2026-03-01", to: "2026-03-31" });
    expect(summary.categories.find((c) => c.category === "FOOD_AND_DRINK" && c.currency === "USD")).toBeUndefined();
  });

  it("is empty for another user", async () => {
    const summary = await asBob().transaction.categorySummary({ from: "2026-03-01", to: "2026-03-31" });
    expect(summary.categories).toEqual([]);
  });
});

describe("transaction.list", () => {
  it("pages newest first with a cursor, never repeating or skipping a row", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof asAlice>["transaction"]["list"]>> =
        await asAlice().transaction.list({ limit: 4, cursor });
      seen.push(...page.items.map((t) => t.date));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("returns amounts as exact strings and the user's category over the automatic one", async () => {
    const { items } = await asAlice().transaction.list({ from: "2026-03-05", to: "2026-03-05" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      amount: "-40.00",
      category: "ENTERTAINMENT",
      categorySource: "USER",
      direction: "DEBIT",
    });
  });

  it("filters by category, counting the user's choice", async () => {
    const { items } = await asAlice().transaction.list({ category: "GENERAL_MERCHANDISE" });
    expect(items).toEqual([]);
  });

  it("shows nothing of Alice's to Bob, by list or by id", async () => {
    expect((await asBob().transaction.list({})).items).toEqual([]);
    await expect(asBob().transaction.byId({ id: aliceTx })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asAlice().transaction.byId({ id: aliceTx })).resolves.toMatchObject({ amount: "-0.10" });
  });

  it("refuses a stranger without a session", async () => {
    await expect(createCaller(callerContext(db, null)).transaction.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("rejects a forged cursor with a clear error", async () => {
    await expect(asAlice().transaction.list({ cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Invalid cursor",
    });
  });
});
