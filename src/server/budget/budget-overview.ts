/** What the budgets page and the bot show: each budget with its running period, and its period history. */
import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate, toCalendarDate, todayIn } from "~/server/time/calendar";
import { percentUsed } from "./budget-math";
import { lastStartedIndex, nthPeriod } from "./budget-periods";
import { ACTIVE } from "./check-budgets";
import { type LoadedBudget, budgetSelect, recomputeUtilization } from "./recompute-utilization";

export type PeriodView = {
  start: string;
  end: string;
  spent: string;
  rollover: string;
  available: string;
  remaining: string;
  percent: number | null;
  transactionCount: number;
};

function periodView(
  amount: bigint,
  row: { start: string; end: string; spent: bigint; rollover: bigint; count: number },
): PeriodView {
  const available = amount + row.rollover;
  return {
    start: row.start,
    end: row.end,
    spent: fromMinorUnits(row.spent),
    rollover: fromMinorUnits(row.rollover),
    available: fromMinorUnits(available),
    remaining: fromMinorUnits(available - row.spent),
    percent: percentUsed(row.spent, available),
    transactionCount: row.count,
  };
}

const utilizationSelect = {
  periodStart: true,
  periodEnd: true,
  amountSpent: true,
  rolloverAmount: true,
  transactionCount: true,
} as const;

function fromRow(
  amount: bigint,
  row: { periodStart: Date; periodEnd: Date; amountSpent: unknown; rolloverAmount: unknown; transactionCount: number },
) {
  return periodView(amount, {
    start: toCalendarDate(row.periodStart),
    end: toCalendarDate(row.periodEnd),
    spent: toMinorUnits(String(row.amountSpent)),
    rollover: toMinorUnits(String(row.rolloverAmount)),
    count: row.transactionCount,
  });
}

function budgetView(budget: LoadedBudget, current: PeriodView | null) {
  return {
    id: budget.id,
    name: budget.name,
    category: budget.category,
    amount: fromMinorUnits(toMinorUnits(budget.amount)),
    currency: budget.currency,
    period: budget.period,
    startDate: toCalendarDate(budget.startDate),
    endDate: budget.endDate ? toCalendarDate(budget.endDate) : null,
    rollover: budget.rollover,
    alertThresholds: budget.alertThresholds,
    archived: budget.status !== ACTIVE,
    current,
  };
}

export type BudgetView = ReturnType<typeof budgetView>;

/** The running period of a budget; a period no job has written yet (it just began) is filled in first. */
async function currentPeriod(db: Db, budget: LoadedBudget, now: Date): Promise<PeriodView | null> {
  const anchor = toCalendarDate(budget.startDate);
  const endDate = budget.endDate ? toCalendarDate(budget.endDate) : null;
  const index = lastStartedIndex(budget.period, anchor, todayIn(budget.user.timezone, now), endDate);
  if (index < 0) return null;
  const start = fromCalendarDate(nthPeriod(budget.period, anchor, index, endDate).start);
  const amount = toMinorUnits(budget.amount);
  const row = await db.budgetUtilization.findUnique({
    where: { budgetId_periodStart: { budgetId: budget.id, periodStart: start } },
    select: utilizationSelect,
  });
  if (row) return fromRow(amount, row);
  if (budget.status !== ACTIVE) return null;
  const figures = await recomputeUtilization(db, budget, { mode: "incremental" }, now);
  return figures && periodView(amount, figures);
}

export async function listBudgets(db: Db, userId: string, now = new Date()): Promise<BudgetView[]> {
  const budgets = await db.budget.findMany({
    where: { userId },
    select: budgetSelect,
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  return Promise.all(budgets.map(async (b) => budgetView(b, await currentPeriod(db, b, now))));
}

export async function getBudget(db: Db, userId: string, id: string, now = new Date()) {
  const budget = await db.budget.findFirst({ where: { id, userId }, select: budgetSelect });
  if (!budget) throw notFound("Budget");
  const rows = await db.budgetUtilization.findMany({
    where: { budgetId: id },
    select: utilizationSelect,
    orderBy: { periodStart: "desc" },
  });
  const amount = toMinorUnits(budget.amount);
  return { ...budgetView(budget, await currentPeriod(db, budget, now)), history: rows.map((r) => fromRow(amount, r)) };
}
