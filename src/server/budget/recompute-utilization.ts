/**
 * Brings a budget's BudgetUtilization rows up to date. Two modes, one computation:
 * - incremental (budget-check, after transactions arrive or change): only the periods from the
 *   earliest affected day to today, starting the rollover chain from the stored row before them;
 * - full (the daily reconciler, or after the budget itself changed): every period since the start.
 * Both sum the same SQL per period and run the same rollover chain, so they store the same exact
 * figures. A per-budget advisory lock serializes concurrent runs, so the last writer has read
 * the latest transactions.
 */
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate, toCalendarDate, todayIn } from "~/server/time/calendar";
import { carryOver, rolloverChain } from "./budget-math";
import { type PeriodRange, lastStartedIndex, nthPeriod, periodIndexOf, periodsBetween } from "./budget-periods";
import { spendingPerPeriod } from "./budget-spending";

export const budgetSelect = {
  id: true,
  userId: true,
  name: true,
  category: true,
  amount: true,
  currency: true,
  period: true,
  startDate: true,
  endDate: true,
  rollover: true,
  alertThresholds: true,
  status: true,
  user: { select: { timezone: true, locale: true } },
} as const;

export type LoadedBudget = Prisma.BudgetGetPayload<{ select: typeof budgetSelect }>;

export type PeriodFigures = PeriodRange & { spent: bigint; rollover: bigint; count: number };

type Tx = Prisma.TransactionClient;

export async function recomputeUtilization(
  db: Db,
  budget: LoadedBudget,
  options: { mode: "full" } | { mode: "incremental"; fromDay?: string },
  now = new Date(),
): Promise<PeriodFigures | null> {
  const anchor = toCalendarDate(budget.startDate);
  const endDate = budget.endDate ? toCalendarDate(budget.endDate) : null;
  const last = lastStartedIndex(budget.period, anchor, todayIn(budget.user.timezone, now), endDate);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`budget:${budget.id}`}, 0))`;
      if (last < 0) {
        await tx.budgetUtilization.deleteMany({ where: { budgetId: budget.id } });
        return null;
      }
      const requested =
        options.mode === "full"
          ? 0
          : options.fromDay
            ? Math.max(periodIndexOf(budget.period, anchor, options.fromDay), 0)
            : last;
      const { first, rolloverIn } = await chainStart(tx, budget, Math.min(requested, last));
      const periods = periodsBetween(budget.period, anchor, first, last, endDate);
      const spending = await spendingPerPeriod(
        tx,
        {
          userId: budget.userId,
          category: budget.category,
          currency: budget.currency,
          period: budget.period,
          startDate: anchor,
        },
        periods,
      );
      const rollovers = rolloverChain(
        budget.rollover,
        toMinorUnits(budget.amount),
        spending.map((s) => s.spent),
        rolloverIn,
      );
      const figures = periods.map((p, i) => ({ ...p, ...spending[i]!, rollover: rollovers[i]! }));
      await upsertRows(tx, budget.id, figures);
      if (options.mode === "full") {
        await tx.budgetUtilization.deleteMany({
          where: { budgetId: budget.id, periodStart: { notIn: figures.map((f) => fromCalendarDate(f.start)) } },
        });
      }
      return figures.at(-1) ?? null;
    },
    { timeout: 60_000 },
  );
}

/**
 * Where an incremental run may start: right after the latest stored period before the one asked
 * for, carrying its balance. With no usable stored row the chain starts at the first period.
 */
async function chainStart(tx: Tx, budget: LoadedBudget, requested: number) {
  if (requested === 0) return { first: 0, rolloverIn: 0n };
  const anchor = toCalendarDate(budget.startDate);
  const previous = await tx.budgetUtilization.findFirst({
    where: {
      budgetId: budget.id,
      periodStart: { lt: fromCalendarDate(nthPeriod(budget.period, anchor, requested).start) },
    },
    orderBy: { periodStart: "desc" },
    select: { periodStart: true, amountSpent: true, rolloverAmount: true },
  });
  if (!previous) return { first: 0, rolloverIn: 0n };
  const index = periodIndexOf(budget.period, anchor, toCalendarDate(previous.periodStart));
  // A row left from an earlier start date or period length does not belong to this chain.
  if (nthPeriod(budget.period, anchor, index).start !== toCalendarDate(previous.periodStart))
    return { first: 0, rolloverIn: 0n };
  const rolloverIn = carryOver(
    budget.rollover,
    toMinorUnits(budget.amount),
    toMinorUnits(previous.rolloverAmount),
    toMinorUnits(previous.amountSpent),
  );
  return { first: index + 1, rolloverIn };
}

async function upsertRows(tx: Tx, budgetId: string, figures: PeriodFigures[]) {
  const CHUNK = 500;
  for (let i = 0; i < figures.length; i += CHUNK) {
    const rows = figures.slice(i, i + CHUNK).map(
      (
        f,
      ) => Prisma.sql`(gen_random_uuid(), ${budgetId}::uuid, ${fromCalendarDate(f.start)}::date, ${fromCalendarDate(f.end)}::date,
        ${fromMinorUnits(f.spent)}::numeric, ${fromMinorUnits(f.rollover)}::numeric, ${f.count}, now())`,
    );
    await tx.$executeRaw`
      INSERT INTO budget_utilization (id, budget_id, period_start, period_end, amount_spent, rollover_amount, transaction_count, last_updated)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT (budget_id, period_start) DO UPDATE
        SET period_end = EXCLUDED.period_end,
            amount_spent = EXCLUDED.amount_spent,
            rollover_amount = EXCLUDED.rollover_amount,
            transaction_count = EXCLUDED.transaction_count,
            last_updated = EXCLUDED.last_updated`;
  }
}
