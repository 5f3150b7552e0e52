/**
 * Cash-flow forecast for 30/60/90 days on the user's cash accounts (checking, savings, cash):
 * detected recurring income and bills on their expected days, plus everyday spending at the
 * recent daily rate, with an 80% band from how much weekly spending varies. Credit cards are
 * covered through their payments from checking. Also answers "will I go below zero before the
 * next salary?".
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate } from "~/server/time/calendar";
import { cachedAnalytics } from "./analytics-cache";
import { addDays, daysBetween } from "./classify-series";
import { type RecurringSeries, detectRecurring } from "./detect-recurring";
import { merchantKeySql } from "./merchant-key";
import { divRound } from "./robust-stats";
import {
  type ProjectionAccount,
  type RecurringPlan,
  bandHalfWidth,
  lowestPoint,
  projectAccount,
  scheduleEvents,
} from "./project-cash-flow";
import { userContext } from "./user-context";

export const forecastInput = z.object({ days: z.union([z.literal(30), z.literal(60), z.literal(90)]).default(30) });
export type ForecastInput = z.input<typeof forecastInput>;

const CASH_TYPES = ["CHECKING", "SAVINGS", "CASH"] as const;
/** Thirteen whole weeks of everyday spending set the daily rate and the band. */
const OBSERVED_DAYS = 91;
/** Looking past the horizon to the next salary, but not forever. */
const MAX_SALARY_LOOKAHEAD = 120;

export async function forecastCashFlow(db: Db, userId: string, rawInput: ForecastInput = {}, now = new Date()) {
  const input = forecastInput.parse(rawInput);
  const ctx = await userContext(db, userId, now);
  return cachedAnalytics(userId, "forecast", { input, today: ctx.today }, () =>
    computeForecast(db, userId, ctx.today, input.days),
  );
}

type CashAccount = { id: string; name: string; type: string; currency: string; balance: bigint };

async function computeForecast(db: Db, userId: string, today: string, days: number) {
  const accounts: CashAccount[] = (
    await db.bankAccount.findMany({
      where: { userId, hidden: false, currentBalance: { not: null }, type: { in: [...CASH_TYPES] } },
      select: { id: true, name: true, type: true, currency: true, currentBalance: true },
      orderBy: [{ currency: "asc" }, { name: "asc" }],
    })
  ).map((a) => ({ ...a, balance: toMinorUnits(a.currentBalance!.toFixed(2)) }));
  const series = (await detectRecurring(db, userId, { today })).filter((s) => s.active);
  const accountIds = new Set(accounts.map((a) => a.id));
  const plans: RecurringPlan[] = series
    .filter((s) => accountIds.has(s.accountId))
    .map((s) => ({ ...s, amount: toMinorUnits(s.expectedAmount) }));

  const salary = nextSalary(series, today);
  const salaryDays = salary ? daysBetween(today, salary.date) : 0;
  const horizon = Math.max(days, Math.min(salaryDays, MAX_SALARY_LOOKAHEAD));
  const events = scheduleEvents(plans, today, horizon);
  const everyday = await everydaySpending(db, userId, accounts, series, today);

  const projected = accounts.map((account) => {
    const spend = everyday.get(account.id) ?? { total: 0n, observedDays: 0, weeks: [] };
    const input: ProjectionAccount = {
      accountId: account.id,
      currency: account.currency,
      balance: account.balance,
      variableOutflow: spend.total,
      observedDays: spend.observedDays,
    };
    return { account, spend, balances: projectAccount(input, events, today, horizon) };
  });

  const currencies = [...new Set(accounts.map((a) => a.currency))].map((currency) => {
    const mine = projected.filter((p) => p.account.currency === currency);
    const balances = sumSeries(mine.map((p) => p.balances));
    const weeks = sumSeries(mine.map((p) => p.spend.weeks));
    return { currency, balances, weeks, dailyRate: mine.reduce((s, p) => s + dailyRate(p.spend), 0n) };
  });

  return {
    today,
    days,
    currencies: currencies.map(({ currency, balances, weeks, dailyRate: rate }) => {
      const lowest = lowestPoint(balances, today, days);
      return {
        currency,
        startBalance: fromMinorUnits(balances[0]!),
        endBalance: fromMinorUnits(balances[days]!),
        dailyEverydaySpending: fromMinorUnits(rate),
        lowest: { date: lowest.date, balance: fromMinorUnits(lowest.balance) },
        points: balances.slice(0, days + 1).map((balance, day) => {
          const half = bandHalfWidth(weeks, day);
          return {
            date: addDays(today, day),
            balance: fromMinorUnits(balance),
            low: fromMinorUnits(balance - half),
            high: fromMinorUnits(balance + half),
          };
        }),
      };
    }),
    accounts: projected.map(({ account, balances }) => {
      const lowest = lowestPoint(balances, today, days);
      return {
        accountId: account.id,
        name: account.name,
        type: account.type,
        currency: account.currency,
        startBalance: fromMinorUnits(account.balance),
        endBalance: fromMinorUnits(balances[days]!),
        lowest: { date: lowest.date, balance: fromMinorUnits(lowest.balance) },
      };
    }),
    events: events
      .filter((e) => e.date <= addDays(today, days))
      .map((e) => ({ ...e, amount: fromMinorUnits(e.amount) })),
    nextSalary: salary,
    beforeNextSalary: salary ? beforeSalary(salary, currencies, projected, today) : null,
  };
}

function nextSalary(series: RecurringSeries[], today: string) {
  const income = series
    .filter((s) => s.kind === "income")
    .map((s) => ({ ...s, date: s.nextExpectedDate <= today ? addDays(today, 1) : s.nextExpectedDate }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))[0];
  if (!income) return null;
  return {
    date: income.date,
    name: income.name,
    amount: income.expectedAmount,
    currency: income.currency,
    accountId: income.accountId,
  };
}

function beforeSalary(
  salary: NonNullable<ReturnType<typeof nextSalary>>,
  currencies: { currency: string; balances: bigint[]; weeks: bigint[] }[],
  projected: { account: CashAccount; balances: bigint[] }[],
  today: string,
) {
  const total = currencies.find((c) => c.currency === salary.currency);
  if (!total) return null;
  // The salary day itself is excluded: the question is whether the money runs out first.
  const untilDay = Math.max(daysBetween(today, salary.date) - 1, 0);
  const lowest = lowestPoint(total.balances, today, untilDay);
  const lowBand = lowest.balance - bandHalfWidth(total.weeks, lowest.day);
  const accountsBelowZero = projected
    .filter((p) => p.account.currency === salary.currency)
    .map((p) => ({ account: p.account, lowest: lowestPoint(p.balances, today, untilDay) }))
    .filter((p) => p.lowest.balance < 0n)
    .map((p) => ({
      accountId: p.account.id,
      name: p.account.name,
      lowestBalance: fromMinorUnits(p.lowest.balance),
      date: p.lowest.date,
    }));
  return {
    currency: salary.currency,
    salaryDate: salary.date,
    lowestBalance: fromMinorUnits(lowest.balance),
    lowestDate: lowest.date,
    goesBelowZero: lowest.balance < 0n,
    mightGoBelowZero: lowBand < 0n,
    accountsBelowZero,
  };
}

type Everyday = { total: bigint; observedDays: number; weeks: bigint[] };

/** Outflows of the last 13 weeks that belong to no recurring series, per account and week. */
async function everydaySpending(
  db: Db,
  userId: string,
  accounts: CashAccount[],
  series: RecurringSeries[],
  today: string,
): Promise<Map<string, Everyday>> {
  if (accounts.length === 0) return new Map();
  const from = addDays(today, -(OBSERVED_DAYS - 1));
  const recurringKeys = series.map((s) => s.key);
  // Only whether the account's history starts before the observed days matters, and when it
  // starts if not: asked that way, the answer is an index probe instead of sorting the account's
  // whole history (which, as a subquery per week row, took most of a cold forecast's second).
  const rows = await db.$queryRaw<{ accountId: string; week: number; total: string; firstDate: string | null }[]>`
    SELECT a.id::text AS "accountId", w.week, COALESCE(w.total, 0)::text AS total, f.first::text AS "firstDate"
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
        SELECT ((${fromCalendarDate(today)}::date - t.transaction_date) / 7)::int AS week, SUM(-t.amount) AS total
          FROM transactions t
         WHERE t.user_id = ${userId}::uuid AND t.account_id = a.id AND t.amount < 0
           AND t.transaction_date BETWEEN ${fromCalendarDate(from)}::date AND ${fromCalendarDate(today)}::date
           AND NOT (${merchantKeySql} || '|' || t.currency || '|out') = ANY(${recurringKeys}::text[])
      GROUP BY 1
      ) w ON TRUE
     WHERE a.user_id = ${userId}::uuid AND a.id = ANY(${accounts.map((a) => a.id)}::uuid[])`;
  const result = new Map<string, Everyday>();
  for (const row of rows) {
    const entry = result.get(row.accountId) ?? {
      total: 0n,
      observedDays: row.firstDate ? Math.min(OBSERVED_DAYS, daysBetween(row.firstDate, today) + 1) : 0,
      weeks: Array.from({ length: OBSERVED_DAYS / 7 }, () => 0n),
    };
    result.set(row.accountId, entry);
    if (row.week === null) continue;
    const amount = toMinorUnits(row.total);
    entry.total += amount;
    if (row.week < entry.weeks.length) entry.weeks[row.week]! += amount;
  }
  // Weeks before the account's history began say nothing about its spending.
  for (const entry of result.values()) entry.weeks = entry.weeks.slice(0, Math.ceil(entry.observedDays / 7));
  return result;
}

function dailyRate(spend: Everyday): bigint {
  return spend.observedDays > 0 ? divRound(spend.total, BigInt(spend.observedDays)) : 0n;
}

/** Element-wise sums of series that may differ in length. */
function sumSeries(series: bigint[][]): bigint[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s[i] ?? 0n), 0n));
}
