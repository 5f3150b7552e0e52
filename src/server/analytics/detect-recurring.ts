/**
 * Recurring income and bills: charges at the same merchant (merchant key, else normalised
 * description), in the same currency and direction, at a regular interval with a similar amount.
 * Used by the forecast, the insights (price rises, upcoming bills), the chat's subscriptions
 * answer — and by categorization, which may mark subscriptions with it. Whole charges, split or
 * not: a merchant bills the whole amount, however the user filed its parts.
 */
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { effectiveCategorySql, isSpendingSql } from "~/server/transaction/spending";
import { fromCalendarDate } from "~/server/time/calendar";
import { cachedAnalytics } from "./analytics-cache";
import { type Cadence, addDays, classifySeries } from "./classify-series";
import { isIncomeSql } from "./income-sql";
import { merchantKeySql, merchantNameSql } from "./merchant-key";
import { divRound } from "./robust-stats";
import { userContext } from "./user-context";

export type RecurringKind = "income" | "bill" | "transfer";

export type RecurringSeries = {
  /** Stable id of the series: merchant key, currency and direction. */
  key: string;
  merchantKey: string;
  name: string;
  category: string;
  currency: string;
  accountId: string;
  kind: RecurringKind;
  cadence: Cadence;
  intervalDays: number;
  occurrences: number;
  lastDate: string;
  nextExpectedDate: string;
  active: boolean;
  /** Signed decimal strings (negative = money out), like transaction amounts. */
  lastAmount: string;
  typicalAmount: string;
  expectedAmount: string;
  priceRise: { from: string; to: string; percent: string } | null;
};

/** A year and a month of history: enough to see a yearly charge twice. */
const LOOKBACK_DAYS = 400;

type GroupRow = {
  merchantKey: string;
  currency: string;
  inflow: boolean;
  name: string;
  category: string;
  allSpending: boolean;
  allIncome: boolean;
  dates: string[];
  amounts: string[];
  accounts: string[];
};

export async function detectRecurring(db: Db, userId: string, options: { today?: string } = {}) {
  const today = options.today ?? (await userContext(db, userId)).today;
  return cachedAnalytics(userId, "recurring", { today }, () => findRecurring(db, userId, today));
}

/** A series charged on more days than a weekly one could be (400 / 7 ≈ 57) is everyday shopping. */
const MAX_DAYS = 60;

async function findRecurring(db: Db, userId: string, today: string): Promise<RecurringSeries[]> {
  const window = Prisma.sql`t.user_id = ${userId}::uuid
       AND t.transaction_date BETWEEN ${fromCalendarDate(addDays(today, -LOOKBACK_DAYS))}::date AND ${fromCalendarDate(today)}::date
       AND t.amount <> 0`;
  // Two passes: a cheap count of charge days per merchant picks the candidates, and only their
  // rows are sorted into series — the grocery store visited 150 times is never sorted at all.
  const rows = await db.$queryRaw<GroupRow[]>`
    WITH days AS (
      SELECT DISTINCT ${merchantKeySql} AS key, t.currency, t.amount > 0 AS inflow, t.transaction_date
        FROM transactions t WHERE ${window}
    ),
    candidates AS (
      SELECT key, currency, inflow FROM days GROUP BY 1, 2, 3 HAVING COUNT(*) BETWEEN 2 AND ${MAX_DAYS}
    )
    SELECT c.key AS "merchantKey", c.currency, c.inflow,
           mode() WITHIN GROUP (ORDER BY ${merchantNameSql}) AS name,
           mode() WITHIN GROUP (ORDER BY ${effectiveCategorySql}) AS category,
           bool_and(${isSpendingSql}) AS "allSpending",
           bool_and(${isIncomeSql}) AS "allIncome",
           array_agg(t.transaction_date::text ORDER BY t.transaction_date, t.id) AS dates,
           array_agg(t.amount::text ORDER BY t.transaction_date, t.id) AS amounts,
           array_agg(t.account_id::text ORDER BY t.transaction_date, t.id) AS accounts
      FROM transactions t
      JOIN candidates c ON c.key = ${merchantKeySql} AND c.currency = t.currency AND c.inflow = (t.amount > 0)
     WHERE ${window}
  GROUP BY 1, 2, 3`;

  const series: RecurringSeries[] = [];
  for (const row of rows) {
    const shape = classifySeries(row.dates, row.amounts.map(toMinorUnits), today);
    if (!shape) continue;
    const kind: RecurringKind =
      row.inflow && row.allIncome ? "income" : !row.inflow && row.allSpending ? "bill" : "transfer";
    series.push({
      key: `${row.merchantKey}|${row.currency}|${row.inflow ? "in" : "out"}`,
      merchantKey: row.merchantKey,
      name: row.name,
      category: row.category,
      currency: row.currency,
      accountId: row.accounts.at(-1)!,
      kind,
      cadence: shape.cadence,
      intervalDays: shape.intervalDays,
      occurrences: shape.occurrences,
      lastDate: shape.lastDate,
      nextExpectedDate: shape.nextExpectedDate,
      active: shape.active,
      lastAmount: fromMinorUnits(shape.last),
      typicalAmount: fromMinorUnits(shape.typical),
      expectedAmount: fromMinorUnits(shape.expected),
      priceRise: shape.priceRise && {
        from: fromMinorUnits(shape.priceRise.from),
        to: fromMinorUnits(shape.priceRise.to),
        percent: percentChange(shape.priceRise.from, shape.priceRise.to),
      },
    });
  }
  return series.sort((a, b) => a.nextExpectedDate.localeCompare(b.nextExpectedDate) || a.key.localeCompare(b.key));
}

/** "16.1" for 15.49 → 17.99: one decimal, computed on integers. */
function percentChange(from: bigint, to: bigint): string {
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const tenths = ((abs(to) - abs(from)) * 1000n + abs(from) / 2n) / abs(from);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** What a series costs per month, for subscription totals (weekly ×52/12 etc.), rounded to the cent. */
export function monthlyEquivalent(series: Pick<RecurringSeries, "expectedAmount" | "cadence">): string {
  const perYear: Record<Cadence, bigint> = { weekly: 52n, biweekly: 26n, monthly: 12n, quarterly: 4n, yearly: 1n };
  return fromMinorUnits(divRound(toMinorUnits(series.expectedAmount) * perYear[series.cadence], 12n));
}
