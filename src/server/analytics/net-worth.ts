/**
 * Net worth over time, rebuilt from today's balances: a month's closing balance is today's
 * balance minus everything that happened after that month. Per currency. Balances are stored
 * signed like the ledger (a card's debt is negative, see the Plaid transform), so a credit or
 * loan account is a liability of minus its balance.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate, monthOf } from "~/server/time/calendar";
import { cachedAnalytics } from "./analytics-cache";
import { monthsBack, monthsBetween } from "./month-range";
import { userContext } from "./user-context";

export const netWorthInput = z.object({ months: z.number().int().min(1).max(36).default(12) });
export type NetWorthInput = z.input<typeof netWorthInput>;

export type NetWorthPoint = { date: string; currency: string; assets: string; liabilities: string; netWorth: string };

const LIABILITY_TYPES = new Set(["CREDIT", "LOAN"]);

export async function netWorthOverTime(db: Db, userId: string, rawInput: NetWorthInput = {}, now = new Date()) {
  const input = netWorthInput.parse(rawInput);
  const ctx = await userContext(db, userId, now);
  return cachedAnalytics(userId, "netWorth", { input, today: ctx.today }, async () => ({
    points: await computeNetWorth(db, userId, input.months, ctx.today),
  }));
}

async function computeNetWorth(db: Db, userId: string, months: number, today: string): Promise<NetWorthPoint[]> {
  const accounts = await db.bankAccount.findMany({
    where: { userId, hidden: false, currentBalance: { not: null } },
    select: { id: true, type: true, currency: true, currentBalance: true },
  });
  if (accounts.length === 0) return [];
  const range = monthsBack(today, months);
  const monthly = await db.$queryRaw<{ accountId: string; month: string; total: string }[]>`
    SELECT t.account_id::text AS "accountId",
           CASE WHEN t.transaction_date > ${fromCalendarDate(today)}::date THEN 'future'
                ELSE to_char(t.transaction_date, 'YYYY-MM') END AS month,
           SUM(t.amount)::text AS total
      FROM transactions t
     WHERE t.user_id = ${userId}::uuid
       AND t.account_id = ANY(${accounts.map((a) => a.id)}::uuid[])
       AND t.transaction_date >= ${fromCalendarDate(range.from)}::date
  GROUP BY 1, 2`;
  const flows = new Map(monthly.map((r) => [`${r.accountId}|${r.month}`, toMinorUnits(r.total)]));

  // Closing points: the end of each earlier month, then today.
  const labels = monthsBetween(range.from, today);
  const points = labels.map((month, i) => ({
    month,
    date: i === labels.length - 1 ? today : monthOf(`${month}-01`).to,
  }));

  const byCurrency = new Map<string, { assets: bigint[]; liabilities: bigint[] }>();
  for (const account of accounts) {
    const liability = LIABILITY_TYPES.has(account.type);
    const totals = byCurrency.get(account.currency) ?? {
      assets: points.map(() => 0n),
      liabilities: points.map(() => 0n),
    };
    byCurrency.set(account.currency, totals);
    // Walk back from today: each month's closing value undoes the flows of every later month.
    // The reported balance already includes anything dated after today (pending, scheduled).
    let signed = toMinorUnits(account.currentBalance!.toFixed(2)) - (flows.get(`${account.id}|future`) ?? 0n);
    for (let i = points.length - 1; i >= 0; i--) {
      if (liability) totals.liabilities[i]! += -signed;
      else totals.assets[i]! += signed;
      signed -= flows.get(`${account.id}|${points[i]!.month}`) ?? 0n;
    }
  }

  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([currency, totals]) =>
      points.map((point, i) => ({
        date: point.date,
        currency,
        assets: fromMinorUnits(totals.assets[i]!),
        liabilities: fromMinorUnits(totals.liabilities[i]!),
        netWorth: fromMinorUnits(totals.assets[i]! - totals.liabilities[i]!),
      })),
    );
}
