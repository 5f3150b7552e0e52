import { beforeAll, describe, expect, it } from "vitest";
import { checkBudgets, reconcileBudgets } from "~/server/budget/check-budgets";
import { db } from "~/server/db";
import { fromCalendarDate, toCalendarDate } from "~/server/time/calendar";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

// 22:00 on 31 March in Los Angeles, already 1 April in UTC: the user's month is still March.
const MARCH_31_EVENING_LA = new Date("2026-04-01T05:00:00Z");
// 01:00 on 1 April in Los Angeles.
const APRIL_1_LA = new Date("2026-04-01T08:00:00Z");

let userId: string;
let accountId: string;
let euroAccountId: string;
const budgets: Record<"carryBoth" | "carryUnspent" | "none" | "weeklyAll", string> = {} as never;

type Tx = Parameters<typeof createTestTransaction>[2] & { euro?: boolean; transferPair?: boolean };

// Food spending: January 55.50, February 154.75 (a 15.25 refund, a EUR purchase and a transfer left out),
// March 27.77, April 3.00. Weekly overall: week of 30 March has 45.77.
const TRANSACTIONS: Tx[] = [
  { amount: "-30.00", date: "2026-01-05", category: "FOOD_AND_DRINK" },
  { amount: "-25.50", date: "2026-01-20", category: "GENERAL_MERCHANDISE", userCategory: "FOOD_AND_DRINK" },
  { amount: "-40.00", date: "2026-01-25", category: "FOOD_AND_DRINK", userCategory: "ENTERTAINMENT" },
  { amount: "-170.00", date: "2026-02-03", category: "FOOD_AND_DRINK" },
  { amount: "15.25", date: "2026-02-10", category: "FOOD_AND_DRINK", description: "REFUND" },
  { amount: "-10.00", date: "2026-02-14", category: "FOOD_AND_DRINK", euro: true },
  { amount: "-60.00", date: "2026-02-20", category: "FOOD_AND_DRINK", transferPair: true },
  { amount: "-20.00", date: "2026-03-03", category: "FOOD_AND_DRINK" },
  { amount: "-35.00", date: "2026-03-30", category: "GENERAL_MERCHANDISE" },
  { amount: "-7.77", date: "2026-03-31", category: "FOOD_AND_DRINK" },
  { amount: "-3.00", date: "2026-04-01", category: "FOOD_AND_DRINK" },
  { amount: "2500.00", date: "2026-03-01", category: "INCOME" },
];

async function insert(tx: Tx) {
  const { euro, transferPair, ...data } = tx;
  const created = await createTestTransaction(
    db,
    { userId, accountId: euro ? euroAccountId : accountId },
    { ...data, currency: euro ? "EUR" : "USD" },
  );
  if (transferPair) {
    // The other side of a move between the user's own accounts: neither side is spending.
    const peer = await createTestTransaction(
      db,
      { userId, accountId },
      { amount: "60.00", date: tx.date, category: "TRANSFER_IN" },
    );
    await db.transaction.update({ where: { id: created.id }, data: { transferPeerId: peer.id } });
  }
  return created;
}

async function snapshot() {
  const rows = await db.budgetUtilization.findMany({
    where: { budget: { userId } },
    select: {
      budgetId: true,
      periodStart: true,
      periodEnd: true,
      amountSpent: true,
      rolloverAmount: true,
      transactionCount: true,
    },
    orderBy: [{ budgetId: "asc" }, { periodStart: "asc" }],
  });
  return rows.map((r) => ({
    budget: Object.entries(budgets).find(([, id]) => id === r.budgetId)![0],
    start: toCalendarDate(r.periodStart),
    end: toCalendarDate(r.periodEnd),
    spent: r.amountSpent.toFixed(2),
    rollover: r.rolloverAmount.toFixed(2),
    count: r.transactionCount,
  }));
}

const rowsOf = async (budget: keyof typeof budgets) =>
  (await snapshot())
    .filter((r) => r.budget === budget)
    .map(({ start, spent, rollover, count }) => ({ start, spent, rollover, count }));

beforeAll(async () => {
  userId = (await createTestUser(db, { timezone: "America/Los_Angeles" })).id;
  accountId = (await createTestAccount(db, userId)).id;
  euroAccountId = (await createTestAccount(db, userId, { name: "Euro", currency: "EUR" })).id;
  const monthlyFood = {
    userId,
    category: "FOOD_AND_DRINK",
    amount: "100.00",
    period: "MONTHLY" as const,
    startDate: fromCalendarDate("2026-01-01"),
  };
  budgets.carryBoth = (
    await db.budget.create({ data: { ...monthlyFood, name: "Food ±", rollover: "UNSPENT_AND_OVERSPENT" } })
  ).id;
  budgets.carryUnspent = (await db.budget.create({ data: { ...monthlyFood, name: "Food +", rollover: "UNSPENT" } })).id;
  budgets.none = (await db.budget.create({ data: { ...monthlyFood, name: "Food", rollover: "NONE" } })).id;
  budgets.weeklyAll = (
    await db.budget.create({
      data: {
        userId,
        name: "Everything",
        category: null,
        amount: "50.00",
        period: "WEEKLY",
        startDate: fromCalendarDate("2026-03-02"),
      },
    })
  ).id;

  // Transactions arrive out of order, each followed by the budget-check the worker would run.
  const shuffled = [7, 2, 10, 0, 4, 8, 1, 5, 9, 3, 6, 11].map((i) => TRANSACTIONS[i]!);
  for (const tx of shuffled) {
    await insert(tx);
    await checkBudgets(db, userId, { fromDay: tx.date, now: MARCH_31_EVENING_LA });
  }
});

describe("budget utilization over several periods", () => {
  it("counts the user's category, nets refunds, and leaves out transfers, income and other currencies", async () => {
    expect(await rowsOf("none")).toEqual([
      { start: "2026-01-01", spent: "55.50", rollover: "0.00", count: 2 },
      { start: "2026-02-01", spent: "154.75", rollover: "0.00", count: 2 },
      { start: "2026-03-01", spent: "27.77", rollover: "0.00", count: 2 },
    ]);
  });

  it("carries unspent money forward but never a deficit (UNSPENT)", async () => {
    expect((await rowsOf("carryUnspent")).map((r) => r.rollover)).toEqual(["0.00", "44.50", "0.00"]);
  });

  it("lets overspending shrink the next period (UNSPENT_AND_OVERSPENT)", async () => {
    // Jan: 100 - 55.50 = +44.50; Feb: 144.50 - 154.75 = -10.25.
    expect((await rowsOf("carryBoth")).map((r) => r.rollover)).toEqual(["0.00", "44.50", "-10.25"]);
  });

  it("follows the user's time zone: at 22:00 on 31 March in Los Angeles it is still March", async () => {
    expect((await rowsOf("none")).at(-1)!.start).toBe("2026-03-01");
    await checkBudgets(db, userId, { now: APRIL_1_LA });
    expect((await rowsOf("carryBoth")).at(-1)).toEqual({
      start: "2026-04-01",
      spent: "3.00",
      rollover: "61.98",
      count: 1,
    });
  });

  it("keeps weekly periods from the start's weekday, with every spending category", async () => {
    const weeks = await rowsOf("weeklyAll");
    expect(weeks.map((w) => [w.start, w.spent])).toEqual([
      ["2026-03-02", "20.00"],
      ["2026-03-09", "0.00"],
      ["2026-03-16", "0.00"],
      ["2026-03-23", "0.00"],
      ["2026-03-30", "45.77"],
    ]);
  });
});

describe("incremental updates and the daily recompute", () => {
  it("store identical exact figures", async () => {
    const incremental = await snapshot();
    await reconcileBudgets(db, APRIL_1_LA);
    expect(await snapshot()).toEqual(incremental);
  });

  it("stay identical after an old transaction is recategorized and reported with its day", async () => {
    const entertainment = await db.transaction.findFirstOrThrow({ where: { userId, userCategory: "ENTERTAINMENT" } });
    await db.transaction.update({ where: { id: entertainment.id }, data: { userCategory: "FOOD_AND_DRINK" } });
    await checkBudgets(db, userId, { fromDay: "2026-01-25", now: APRIL_1_LA });
    const incremental = await snapshot();
    // January is now 95.50, so every later rollover moves: +4.50, then 104.50 - 154.75 = -50.25, then 49.75 - 27.77.
    expect((await rowsOf("carryBoth")).map((r) => r.rollover)).toEqual(["0.00", "4.50", "-50.25", "21.98"]);
    await reconcileBudgets(db, APRIL_1_LA);
    expect(await snapshot()).toEqual(incremental);
  });

  it("a change reported without its day is put right by the daily recompute", async () => {
    const january = await db.transaction.findFirstOrThrow({
      where: { userId, transactionDate: fromCalendarDate("2026-01-05") },
    });
    await db.transaction.update({ where: { id: january.id }, data: { amount: "-31.00" } });
    await checkBudgets(db, userId, { now: APRIL_1_LA });
    expect((await rowsOf("none"))[0]!.spent).toBe("95.50");
    await reconcileBudgets(db, APRIL_1_LA);
    expect((await rowsOf("none"))[0]!.spent).toBe("96.50");
  });
});

describe("budget alerts", () => {
  it("records one alert per budget, period and threshold however often the check runs", async () => {
    for (let i = 0; i < 3; i++) await checkBudgets(db, userId, { now: MARCH_31_EVENING_LA });
    await reconcileBudgets(db, MARCH_31_EVENING_LA);
    const alerts = await db.notification.findMany({
      where: { userId, type: "budget_threshold" },
      select: { dedupeKey: true, channel: true },
    });
    // 45.77 of 50.00 in the week of 30 March is 91 %: the 80 % threshold, once.
    expect(alerts).toEqual([{ dedupeKey: `budget:${budgets.weeklyAll}:2026-03-30:80`, channel: "IN_APP" }]);
  });
});
