/**
 * What the monthly report shows for one calendar month: income, spending and net per currency,
 * spending by category, the budgets whose period overlaps the month, and the top merchants.
 * Every figure comes from the same services as the screens, so the report and the app agree.
 */
import { z } from "zod";
import { incomeTotals } from "~/server/analytics/income-totals";
import { spendingTotals } from "~/server/analytics/spending-totals";
import { type MerchantSpending, topMerchants } from "~/server/analytics/top-merchants";
import { userContext } from "~/server/analytics/user-context";
import type { Db } from "~/server/db";
import { type CategorySpending, categorySummary } from "~/server/transaction/category-summary";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate, monthOf, toCalendarDate } from "~/server/time/calendar";

export const monthlyReportInput = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM")
    .describe("The calendar month, YYYY-MM"),
});
export type MonthlyReportInput = z.input<typeof monthlyReportInput>;

export type CurrencySummary = { currency: string; income: string; spent: string; net: string; count: number };
export type BudgetLine = {
  name: string;
  currency: string;
  start: string;
  end: string;
  spent: string;
  available: string;
};

export type MonthlyReport = {
  month: string;
  from: string;
  to: string;
  locale: string;
  summary: CurrencySummary[];
  categories: CategorySpending[];
  budgets: BudgetLine[];
  merchants: MerchantSpending[];
};

function summarize(
  spent: Awaited<ReturnType<typeof spendingTotals>>,
  income: Awaited<ReturnType<typeof incomeTotals>>,
): CurrencySummary[] {
  const currencies = [...new Set([...spent, ...income].map((t) => t.currency))].sort();
  return currencies.map((currency) => {
    const out = spent.find((t) => t.currency === currency);
    const earned = income.find((t) => t.currency === currency);
    const spentUnits = toMinorUnits(out?.spent ?? "0");
    const incomeUnits = toMinorUnits(earned?.income ?? "0");
    return {
      currency,
      income: fromMinorUnits(incomeUnits),
      spent: fromMinorUnits(spentUnits),
      net: fromMinorUnits(incomeUnits - spentUnits),
      count: (out?.count ?? 0) + (earned?.count ?? 0),
    };
  });
}

/** Budgets with a period that overlaps the month, as their utilization rows record it. */
async function budgetLines(db: Db, userId: string, from: string, to: string): Promise<BudgetLine[]> {
  const rows = await db.budgetUtilization.findMany({
    where: {
      budget: { userId },
      periodStart: { lte: fromCalendarDate(to) },
      periodEnd: { gte: fromCalendarDate(from) },
    },
    select: {
      periodStart: true,
      periodEnd: true,
      amountSpent: true,
      rolloverAmount: true,
      budget: { select: { name: true, currency: true, amount: true } },
    },
    orderBy: [{ budget: { name: "asc" } }, { periodStart: "asc" }],
  });
  return rows.map((r) => ({
    name: r.budget.name,
    currency: r.budget.currency.trim(),
    start: toCalendarDate(r.periodStart),
    end: toCalendarDate(r.periodEnd),
    spent: fromMinorUnits(toMinorUnits(r.amountSpent)),
    available: fromMinorUnits(toMinorUnits(r.budget.amount) + toMinorUnits(r.rolloverAmount)),
  }));
}

export async function monthlyReportData(db: Db, userId: string, rawInput: MonthlyReportInput): Promise<MonthlyReport> {
  const { month } = monthlyReportInput.parse(rawInput);
  const { from, to } = monthOf(`${month}-01`);
  const range = { from, to };
  const [context, spent, income, categories, budgets, merchants] = await Promise.all([
    userContext(db, userId),
    spendingTotals(db, userId, range),
    incomeTotals(db, userId, range),
    categorySummary(db, userId, range),
    budgetLines(db, userId, from, to),
    topMerchants(db, userId, { ...range, limit: 10 }),
  ]);
  return { month, from, to, locale: context.locale, summary: summarize(spent, income), categories, budgets, merchants };
}
