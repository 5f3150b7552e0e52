/**
 * The forecast's everyday spending: outflows of the last 13 weeks that belong to no recurring
 * series, per cash account and week. Read per merchant and filtered here, so the query does not
 * wait for recurring detection: the forecast runs both at once.
 */
import type { Db } from "~/server/db";
import { toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate } from "~/server/time/calendar";
import { addDays, daysBetween } from "./classify-series";
import { merchantKeySql } from "./merchant-key";

/** Thirteen whole weeks of everyday spending set the daily rate and the band. */
export const OBSERVED_DAYS = 91;

export type Everyday = { total: bigint; observedDays: number; weeks: bigint[] };

type AccountSpending = {
  observedDays: number;
  /** Outflows per week (0 = the last seven days) and recurring-series key, positive minor units. */
  outflows: { week: number; seriesKey: string; amount: bigint }[];
};

export async function everydaySpendingByMerchant(
  db: Db,
  userId: string,
  accounts: { id: string }[],
  today: string,
): Promise<Map<string, AccountSpending>> {
  if (accounts.length === 0) return new Map();
  const from = addDays(today, -(OBSERVED_DAYS - 1));
  // Only whether the account's history starts before the observed days matters, and when it
  // starts if not: asked that way, the answer is an index probe instead of sorting the account's
  // whole history (which, as a subquery per week row, took most of a cold forecast's second).
  const rows = await db.$queryRaw<
    {
      accountId: string;
      week: number | null;
      seriesKey: string | null;
      total: string | null;
      firstDate: string | null;
    }[]
  >`
    SELECT a.id::text AS "accountId", w.week, w.series_key AS "seriesKey", w.total::text AS total,
           f.first::text AS "firstDate"
      FROM bank_accounts a
 LEFT JOIN LATERAL (
        SELECT CASE
                 WHEN EXISTS (SELECT 1 FROM transactions o
                               WHERE o.user_id = ${userId}::uuid AND o.account_id = a.id
                                 AND o.transaction_date < ${fromCalendarDate(from)}::date)
                 THEN ${fromCalendarDate(addDays(from, -1))}::date
                 ELSE (SELECT min(o.transaction_date) FROM transactions o
                        WHERE o.user_id = ${userId}::uuid AND o.account_id = a.id)
               END AS first
      ) f ON TRUE
 LEFT JOIN LATERAL (
        SELECT ((${fromCalendarDate(today)}::date - t.transaction_date) / 7)::int AS week,
               ${merchantKeySql} || '|' || t.currency || '|out' AS series_key, SUM(-t.amount) AS total
          FROM transactions t
         WHERE t.user_id = ${userId}::uuid AND t.account_id = a.id AND t.amount < 0
           AND t.transaction_date BETWEEN ${fromCalendarDate(from)}::date AND ${fromCalendarDate(today)}::date
      GROUP BY 1, 2
      ) w ON TRUE
     WHERE a.user_id = ${userId}::uuid AND a.id = ANY(${accounts.map((a) => a.id)}::uuid[])`;
  const result = new Map<string, AccountSpending>();
  for (const row of rows) {
    const entry = result.get(row.accountId) ?? {
      observedDays: row.firstDate ? Math.min(OBSERVED_DAYS, daysBetween(row.firstDate, today) + 1) : 0,
      outflows: [],
    };
    result.set(row.accountId, entry);
    if (row.week !== null && row.seriesKey !== null && row.total !== null)
      entry.outflows.push({ week: row.week, seriesKey: row.seriesKey, amount: toMinorUnits(row.total) });
  }
  return result;
}

/** Per account: the outflows of no recurring series, in total and per week. */
export function excludeRecurring(
  spending: Map<string, AccountSpending>,
  recurringKeys: Set<string>,
): Map<string, Everyday> {
  const result = new Map<string, Everyday>();
  for (const [accountId, { observedDays, outflows }] of spending) {
    // Weeks before the account's history began say nothing about its spending.
    const weeks = Array.from({ length: Math.ceil(observedDays / 7) }, () => 0n);
    let total = 0n;
    for (const outflow of outflows) {
      if (recurringKeys.has(outflow.seriesKey)) continue;
      total += outflow.amount;
      if (outflow.week < weeks.length) weeks[outflow.week]! += outflow.amount;
    }
    result.set(accountId, { total, observedDays, weeks });
  }
  return result;
}
