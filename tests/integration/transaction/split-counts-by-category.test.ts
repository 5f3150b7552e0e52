/**
 * A $120 Costco receipt split into $80 groceries and $40 household counts $80 and $40 under
 * those categories everywhere money is summed by category — the category summary, a budget's
 * spent amount and its alerts, spending trends, the chat's answer, the export — and removing the
 * split puts the whole $120 back under the transaction's own category.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { spendingTrends } from "~/server/analytics/spending-trends";
import { createCaller } from "~/server/api/root";
import { listBudgets } from "~/server/budget/budget-overview";
import { checkBudgets } from "~/server/budget/check-budgets";
import { answerQuestion } from "~/server/chat/answer-question";
import { db } from "~/server/db";
import { exportTransactions } from "~/server/export/export-transactions";
import { getQueue } from "~/server/queue/producers";
import { categorySummary } from "~/server/transaction/category-summary";
import { listTransactions } from "~/server/transaction/list-transactions";
import { filtersFromSearchParams } from "~/app/(app)/transactions/filters";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

const NOW = new Date("2026-03-31T12:00:00Z");
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
let user: { id: string; email: string };
let costco: string;
let groceriesBudget: string;
let merchandiseBudget: string;
const asUser = () => createCaller(callerContext(db, user));

const SPLIT = [
  { amount: "-80.00", category: "FOOD_AND_DRINK_GROCERIES", notes: "food" },
  { amount: "-40.00", category: "HOME_IMPROVEMENT" },
];

beforeAll(async () => {
  await db.category.createMany({
    data: [
      { slug: "FOOD_AND_DRINK", primary: "FOOD_AND_DRINK", label: "Food & Drink" },
      { slug: "FOOD_AND_DRINK_GROCERIES", primary: "FOOD_AND_DRINK", label: "Groceries" },
      { slug: "GENERAL_MERCHANDISE", primary: "GENERAL_MERCHANDISE", label: "General merchandise" },
      { slug: "HOME_IMPROVEMENT", primary: "HOME_IMPROVEMENT", label: "Home improvement" },
    ],
  });
  user = await createTestUser(db, { timezone: "UTC" });
  const owner = { userId: user.id, accountId: (await createTestAccount(db, user.id)).id };
  costco = (
    await createTestTransaction(db, owner, {
      amount: "-120.00",
      date: "2026-03-10",
      description: "COSTCO WHSE #1234",
      category: "GENERAL_MERCHANDISE",
    })
  ).id;
  await createTestTransaction(db, owner, {
    amount: "-12.34",
    date: "2026-03-05",
    description: "CORNER GROCER",
    category: "FOOD_AND_DRINK",
    categoryDetailed: "FOOD_AND_DRINK_GROCERIES",
  });
  const monthly = { period: "MONTHLY", startDate: "2026-01-01", currency: "USD" } as const;
  groceriesBudget = (
    await asUser().budget.create({
      ...monthly,
      name: "Groceries",
      category: "FOOD_AND_DRINK_GROCERIES",
      amount: "50.00",
    })
  ).id;
  merchandiseBudget = (
    await asUser().budget.create({ ...monthly, name: "Stuff", category: "GENERAL_MERCHANDISE", amount: "200.00" })
  ).id;
});

/** Splits (or unsplits) the receipt, then runs the budget check the change enqueued, as the worker would on 31 March. */
async function setParts(parts: typeof SPLIT) {
  await asUser().transaction.setSplits({ id: costco, parts });
  const jobs = await getQueue("budget-check").getJobs(["waiting", "delayed"]);
  const mine = jobs.filter((job) => job.data.userId === user.id);
  expect(mine.map((job) => job.data)).toContainEqual({ userId: user.id, day: "2026-03-10" });
  for (const job of mine) {
    await checkBudgets(db, job.data.userId, { fromDay: job.data.day, now: NOW });
    await job.remove();
  }
}

async function budgetSpent() {
  const budgets = await listBudgets(db, user.id, NOW);
  const spent = (id: string) => budgets.find((b) => b.id === id)?.current?.spent;
  return { groceries: spent(groceriesBudget), merchandise: spent(merchandiseBudget) };
}

async function trendsOfMarch() {
  const trends = await spendingTrends(db, user.id, { months: 1, until: "2026-03-31" }, NOW);
  return {
    byCategory: trends.byCategory.map(({ category, spent, count }) => ({ category, spent, count })),
    expense: trends.incomeVsExpense.map((m) => m.expense),
  };
}

async function groceriesAnswer() {
  const { data } = await answerQuestion(db, user.id, "How much did I spend on groceries this month?", {
    now: NOW,
    engine: "offline",
  });
  expect(data).toMatchObject({ tool: "spendingSummary", category: "FOOD_AND_DRINK_GROCERIES", period: MARCH });
  // The answer's link opens the Transactions page on the transactions behind the figure.
  const filters = filtersFromSearchParams(new URL(data.link as string, "http://app.test").searchParams);
  const listed = await listTransactions(db, user.id, { ...filters, limit: 200 });
  return { totals: data.totals, listed: listed.items.map((t) => t.description) };
}

async function exportedLines(category?: string) {
  const body = exportTransactions(db, user.id, { format: "csv", ...MARCH, category })
    .body as ReadableStream<Uint8Array>;
  const [header, ...rows] = parse(Buffer.from(await new Response(body).arrayBuffer()), { bom: true }) as string[][];
  const column = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({
    category: r[column("Category")],
    detailed: r[column("Detailed category")],
    amount: r[column("Amount")],
    notes: r[column("Notes")],
    splitOf: r[column("Split of")],
  }));
}

const BEFORE = {
  summary: [
    { category: "GENERAL_MERCHANDISE", currency: "USD", spent: "120.00", count: 1 },
    { category: "FOOD_AND_DRINK", currency: "USD", spent: "12.34", count: 1 },
  ],
  budgets: { groceries: "12.34", merchandise: "120.00" },
  trends: {
    byCategory: [
      { category: "GENERAL_MERCHANDISE", spent: "120.00", count: 1 },
      { category: "FOOD_AND_DRINK", spent: "12.34", count: 1 },
    ],
    expense: ["132.34"],
  },
  answer: { totals: [{ currency: "USD", spent: "12.34", count: 1 }], listed: ["CORNER GROCER"] },
  exported: [
    { category: "GENERAL_MERCHANDISE", detailed: "", amount: "-120.00", notes: "", splitOf: "" },
    { category: "FOOD_AND_DRINK", detailed: "FOOD_AND_DRINK_GROCERIES", amount: "-12.34", notes: "", splitOf: "" },
  ],
};

async function expectEverywhere(expected: typeof BEFORE) {
  expect(await categorySummary(db, user.id, MARCH)).toEqual(expected.summary);
  expect(await budgetSpent()).toEqual(expected.budgets);
  expect(await trendsOfMarch()).toEqual(expected.trends);
  expect(await groceriesAnswer()).toEqual(expected.answer);
  expect(await exportedLines()).toEqual(expected.exported);
  expect(await exportedLines("HOME_IMPROVEMENT")).toEqual(
    expected.exported.filter((l) => l.category === "HOME_IMPROVEMENT"),
  );
  expect(await exportedLines("GENERAL_MERCHANDISE")).toEqual(
    expected.exported.filter((l) => l.category === "GENERAL_MERCHANDISE"),
  );
}

describe("a split transaction counts under each part's category", () => {
  it("before the split, the whole receipt counts under its own category", async () => {
    await setParts([]);
    await expectEverywhere(BEFORE);
  });

  it("after the split, each part counts under its category to the cent, everywhere", async () => {
    await setParts(SPLIT);
    // Trends were cached before the split: the change must have dropped the cached figures.
    await expectEverywhere({
      summary: [
        { category: "FOOD_AND_DRINK", currency: "USD", spent: "92.34", count: 2 },
        { category: "HOME_IMPROVEMENT", currency: "USD", spent: "40.00", count: 1 },
      ],
      budgets: { groceries: "92.34", merchandise: "0.00" },
      trends: {
        byCategory: [
          { category: "FOOD_AND_DRINK", spent: "92.34", count: 2 },
          { category: "HOME_IMPROVEMENT", spent: "40.00", count: 1 },
        ],
        expense: ["132.34"],
      },
      answer: {
        totals: [{ currency: "USD", spent: "92.34", count: 2 }],
        listed: ["COSTCO WHSE #1234", "CORNER GROCER"],
      },
      exported: [
        {
          category: "FOOD_AND_DRINK",
          detailed: "FOOD_AND_DRINK_GROCERIES",
          amount: "-80.00",
          notes: "food",
          splitOf: "-120.00",
        },
        { category: "HOME_IMPROVEMENT", detailed: "", amount: "-40.00", notes: "", splitOf: "-120.00" },
        BEFORE.exported[1]!,
      ],
    });
  });

  it("the groceries part passes the groceries budget's thresholds and raises its alerts", async () => {
    const alerts = await db.notification.findMany({
      where: { userId: user.id, type: "budget_threshold" },
      select: { title: true, data: true },
    });
    expect(alerts.map((a) => (a.data as { threshold: number }).threshold).sort((a, b) => a - b)).toEqual([
      80, 100, 120,
    ]);
    expect(alerts.every((a) => (a.data as { budgetId: string }).budgetId === groceriesBudget)).toBe(true);
  });

  it("removing the split restores the original everywhere", async () => {
    await setParts([]);
    await expectEverywhere(BEFORE);
  });
});
