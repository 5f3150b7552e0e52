import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
let groceries: string;
const asAlice = () => createCaller(callerContext(db, alice));
const asBob = () => createCaller(callerContext(db, bob));

beforeAll(async () => {
  await db.category.createMany({
    data: [
      { slug: "FOOD_AND_DRINK", primary: "FOOD_AND_DRINK", label: "Food & Drink" },
      { slug: "FOOD_AND_DRINK_GROCERIES", primary: "FOOD_AND_DRINK", label: "Groceries" },
      { slug: "HOME_IMPROVEMENT", primary: "HOME_IMPROVEMENT", label: "Home improvement" },
    ],
  });
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  const account = await createTestAccount(db, alice.id);
  groceries = (
    await createTestTransaction(
      db,
      { userId: alice.id, accountId: account.id },
      { amount: "-100.00", date: "2026-03-04", description: "WHOLEFDS MKT 10234", category: "FOOD_AND_DRINK" },
    )
  ).id;
});

const twoParts = [
  { amount: "-66.67", category: "FOOD_AND_DRINK_GROCERIES", notes: "food" },
  { amount: "-33.33", category: "HOME_IMPROVEMENT" },
];

describe("splitting a transaction across categories", () => {
  it("stores parts that add up to the transaction, largest first, and leaves the transaction as it was", async () => {
    const view = await asAlice().transaction.setSplits({ id: groceries, parts: twoParts });
    expect(view).toMatchObject({ transactionId: groceries, amount: "-100.00", currency: "USD" });
    expect(view.parts.map(({ amount, category, notes }) => ({ amount, category, notes }))).toEqual([
      { amount: "-66.67", category: "FOOD_AND_DRINK_GROCERIES", notes: "food" },
      { amount: "-33.33", category: "HOME_IMPROVEMENT", notes: null },
    ]);
    await expect(asAlice().transaction.splits({ id: groceries })).resolves.toEqual(view);
    const row = await db.transaction.findUniqueOrThrow({ where: { id: groceries } });
    expect(row.amount.toFixed(2)).toBe("-100.00");
    expect(row.category).toBe("FOOD_AND_DRINK");
  });

  it("refuses parts a cent short of the transaction and keeps the earlier split", async () => {
    await expect(
      asAlice().transaction.setSplits({
        id: groceries,
        parts: [
          { amount: "-66.66", category: "FOOD_AND_DRINK_GROCERIES" },
          { amount: "-33.33", category: "HOME_IMPROVEMENT" },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The parts add up to -99.99, the transaction is -100.00" });
    expect((await asAlice().transaction.splits({ id: groceries })).parts).toHaveLength(2);
  });

  it("refuses a single part, a part going the other way, and an unknown category", async () => {
    const refused = [
      [{ amount: "-100.00", category: "HOME_IMPROVEMENT" }],
      [
        { amount: "-110.00", category: "HOME_IMPROVEMENT" },
        { amount: "10.00", category: "HOME_IMPROVEMENT" },
      ],
      [
        { amount: "-50.00", category: "NOT_A_CATEGORY" },
        { amount: "-50.00", category: "HOME_IMPROVEMENT" },
      ],
    ];
    for (const parts of refused)
      await expect(asAlice().transaction.setSplits({ id: groceries, parts })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
  });

  it("undoes the split when given no parts", async () => {
    const view = await asAlice().transaction.setSplits({ id: groceries, parts: [] });
    expect(view.parts).toEqual([]);
    expect(await db.transactionSplit.count({ where: { transactionId: groceries } })).toBe(0);
  });

  it("neither shows nor changes another user's transaction", async () => {
    await asAlice().transaction.setSplits({ id: groceries, parts: twoParts });
    await expect(asBob().transaction.splits({ id: groceries })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asBob().transaction.setSplits({ id: groceries, parts: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.transactionSplit.count({ where: { transactionId: groceries } })).toBe(2);
  });
});
