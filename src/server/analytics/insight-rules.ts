/**
 * The rules that turn analytics into insights, each pure: given the figures, which insights are
 * there today. Every insight has a dedupe key naming the event, so the daily job can run any
 * number of times and store each one once.
 */
import { formatMoney } from "~/lib/format";
import type { Priority } from "~/server/db/generated/client";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import type { Anomaly } from "./anomalies";
import { categoryLabel } from "./category-label";
import { addDays, addMonths } from "./classify-series";
import { type RecurringSeries, monthlyEquivalent } from "./detect-recurring";
import { divRound, medianMinor } from "./robust-stats";
import type { CategoryMonth } from "./spending-trends";

export type InsightCandidate = {
  insightType:
    | "spending_spike"
    | "subscription_price_rise"
    | "savings_opportunity"
    | "upcoming_bill"
    | "low_balance"
    | "unusual_charge";
  dedupeKey: string;
  title: string;
  description: string;
  priority: Priority;
  data: Record<string, string | number | boolean | null>;
};

type Ctx = { today: string; locale: string };

const money = (amount: string, currency: string, ctx: Ctx) => formatMoney(amount, currency, ctx.locale);

/**
 * Monthly totals per (category, currency) for the given months, zero where nothing was spent —
 * but only from the user's first month with any spending: before that they were not here, which
 * is not the same as spending nothing.
 */
function monthlyGrid(rows: CategoryMonth[], months: string[]) {
  const firstMonth = rows.reduce((first, r) => (r.month < first ? r.month : first), months.at(-1)!);
  const start = Math.max(0, months.indexOf(firstMonth));
  const grid = new Map<string, { category: string; currency: string; totals: bigint[] }>();
  for (const row of rows) {
    const key = `${row.category}|${row.currency}`;
    const entry = grid.get(key) ?? { category: row.category, currency: row.currency, totals: months.map(() => 0n) };
    grid.set(key, entry);
    const index = months.indexOf(row.month);
    if (index >= 0) entry.totals[index]! += toMinorUnits(row.spent);
  }
  return { start, series: [...grid.values()] };
}

/** 2.05 → "2.1": one decimal, rounded on integers (floats would print 2.0). */
function timesText(part: bigint, whole: bigint): string {
  const tenths = divRound(part * 10n, whole);
  return `${tenths / 10n}.${tenths % 10n}`;
}

const lastMonths = (today: string, count: number) =>
  Array.from({ length: count }, (_, i) => addMonths(today, i - count + 1, 1).slice(0, 7));

/** This month so far against the median of the six before it. */
export function spendingSpikes(rows: CategoryMonth[], ctx: Ctx): InsightCandidate[] {
  const months = lastMonths(ctx.today, 7);
  const thisMonth = months.at(-1)!;
  const { start, series } = monthlyGrid(rows, months);
  return series.flatMap(({ category, currency, totals }) => {
    const prior = totals.slice(start, 6);
    const now = totals[6]!;
    if (prior.filter((t) => t > 0n).length < 3) return [];
    const baseline = medianMinor(prior);
    if (baseline <= 0n || now * 2n < baseline * 3n) return [];
    const level = now >= baseline * 2n ? "2x" : "1.5x";
    const label = categoryLabel(category);
    const spent = fromMinorUnits(now);
    return [
      {
        insightType: "spending_spike" as const,
        dedupeKey: `spike:${category}:${currency}:${thisMonth}:${level}`,
        title: `${label} spending is up this month`,
        description: `You've spent ${money(spent, currency, ctx)} on ${label} so far this month, ${timesText(now, baseline)}× your usual month (${money(fromMinorUnits(baseline), currency, ctx)}).`,
        priority: level === "2x" ? ("HIGH" as const) : ("MEDIUM" as const),
        data: { category, currency, spent, usual: fromMinorUnits(baseline), month: thisMonth },
      },
    ];
  });
}

/** A category whose last three months ran well above the six before them. */
export function savingsOpportunities(rows: CategoryMonth[], ctx: Ctx): InsightCandidate[] {
  const months = lastMonths(ctx.today, 10).slice(0, 9);
  const thisMonth = ctx.today.slice(0, 7);
  const { start, series } = monthlyGrid(rows, months);
  if (start > 0) return [];
  return series.flatMap(({ category, currency, totals }) => {
    const earlier = medianMinor(totals.slice(0, 6));
    const recent = (totals[6]! + totals[7]! + totals[8]!) / 3n;
    if (earlier <= 0n || recent * 4n < earlier * 5n) return [];
    const label = categoryLabel(category);
    const yearly = fromMinorUnits((recent - earlier) * 12n);
    return [
      {
        insightType: "savings_opportunity" as const,
        dedupeKey: `savings:${category}:${currency}:${thisMonth}`,
        title: `Room to save on ${label}`,
        description: `${label} has averaged ${money(fromMinorUnits(recent), currency, ctx)} a month over the last three months, up from ${money(fromMinorUnits(earlier), currency, ctx)}. Getting back to that would save about ${money(yearly, currency, ctx)} a year.`,
        priority: "LOW" as const,
        data: {
          category,
          currency,
          recentMonthly: fromMinorUnits(recent),
          usualMonthly: fromMinorUnits(earlier),
          yearlySaving: yearly,
        },
      },
    ];
  });
}

export function subscriptionTotals(series: RecurringSeries[], ctx: Ctx): InsightCandidate[] {
  const bills = series.filter((s) => s.active && s.kind === "bill");
  const currencies = [...new Set(bills.map((b) => b.currency))];
  return currencies.flatMap((currency) => {
    const mine = bills.filter((b) => b.currency === currency);
    if (mine.length < 3) return [];
    const monthly = fromMinorUnits(-mine.reduce((sum, b) => sum + toMinorUnits(monthlyEquivalent(b)), 0n));
    return [
      {
        insightType: "savings_opportunity" as const,
        dedupeKey: `subscriptions:${currency}:${ctx.today.slice(0, 7)}`,
        title: `${mine.length} subscriptions and regular bills`,
        description: `You pay about ${money(monthly, currency, ctx)} a month across ${mine.length} subscriptions and bills. Cancelling one you no longer use is the easiest saving there is.`,
        priority: "LOW" as const,
        data: { currency, monthly, count: mine.length },
      },
    ];
  });
}

export function priceRises(series: RecurringSeries[], ctx: Ctx): InsightCandidate[] {
  return series
    .filter((s) => s.active && s.kind === "bill" && s.priceRise && s.lastDate >= addDays(ctx.today, -45))
    .map((s) => {
      const from = s.priceRise!.from.replace(/^-/, "");
      const to = s.priceRise!.to.replace(/^-/, "");
      return {
        insightType: "subscription_price_rise" as const,
        dedupeKey: `price-rise:${s.key}:${s.lastDate}`,
        title: `${s.name} costs more now`,
        description: `${s.name} went up from ${money(from, s.currency, ctx)} to ${money(to, s.currency, ctx)} (+${s.priceRise!.percent}%).`,
        priority: "MEDIUM" as const,
        data: { merchant: s.name, currency: s.currency, from, to, percent: s.priceRise!.percent, date: s.lastDate },
      };
    });
}

export function upcomingBills(series: RecurringSeries[], ctx: Ctx, withinDays = 7): InsightCandidate[] {
  const until = addDays(ctx.today, withinDays);
  return series
    .filter((s) => s.active && s.kind === "bill" && s.nextExpectedDate >= ctx.today && s.nextExpectedDate <= until)
    .map((s) => {
      const amount = s.expectedAmount.replace(/^-/, "");
      return {
        insightType: "upcoming_bill" as const,
        dedupeKey: `bill:${s.key}:${s.nextExpectedDate}`,
        title: `${s.name} is due soon`,
        description: `${s.name}: about ${money(amount, s.currency, ctx)} due around ${s.nextExpectedDate}.`,
        priority: "LOW" as const,
        data: { merchant: s.name, currency: s.currency, amount, date: s.nextExpectedDate },
      };
    });
}

type SalaryOutlook = {
  currency: string;
  salaryDate: string;
  lowestBalance: string;
  lowestDate: string;
  goesBelowZero: boolean;
  mightGoBelowZero: boolean;
};

export function lowBalance(outlook: SalaryOutlook | null, ctx: Ctx): InsightCandidate[] {
  if (!outlook || !outlook.mightGoBelowZero) return [];
  const certain = outlook.goesBelowZero;
  return [
    {
      insightType: "low_balance",
      dedupeKey: `low-balance:${outlook.currency}:${outlook.salaryDate}:${certain ? "expected" : "possible"}`,
      title: certain ? "You may run out of money before payday" : "Money could get tight before payday",
      description: certain
        ? `At your usual pace your ${outlook.currency} balance drops to ${money(outlook.lowestBalance, outlook.currency, ctx)} around ${outlook.lowestDate}, before your next salary on ${outlook.salaryDate}.`
        : `Your ${outlook.currency} balance should stay above zero until your salary on ${outlook.salaryDate}, but a heavier week than usual could take it below.`,
      priority: certain ? "HIGH" : "MEDIUM",
      data: { ...outlook },
    },
  ];
}

export function unusualCharges(anomalies: Anomaly[], ctx: Ctx, withinDays = 3): InsightCandidate[] {
  const since = addDays(ctx.today, -(withinDays - 1));
  return anomalies
    .filter((a) => a.date >= since)
    .map((a) => ({
      insightType: "unusual_charge" as const,
      dedupeKey: `anomaly:${a.kind}:${a.transactionId}`,
      title: a.kind === "duplicate_charge" ? `Possible duplicate at ${a.merchant}` : `Unusual charge at ${a.merchant}`,
      description: `${money(a.amount, a.currency, ctx)} on ${a.date}: ${a.explanation}.`,
      priority: "MEDIUM" as const,
      data: { kind: a.kind, transactionId: a.transactionId, amount: a.amount, currency: a.currency, ratio: a.ratio },
    }));
}
