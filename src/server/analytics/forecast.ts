/**
 * Cash-flow forecast for 30/60/90 days on the user's cash accounts (checking, savings, cash):
 * detected recurring income and bills on their expected days, plus everyday spending at the
 * recent daily rate, with an 80% band from how much weekly spending varies. Credit cards are
 * covered through their payments from checking. Also answers "will I go below zero before the
 * next salary?". Money leaves an account in whole charges, so a split transaction counts whole.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { cachedAnalytics } from "./analytics-cache";
import { addDays, daysBetween } from "./classify-series";
import { type RecurringSeries, detectRecurring } from "./detect-recurring";
import { type Everyday, everydaySpendingByMerchant, excludeRecurring } from "./everyday-spending";
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
  // Both read the user's recent months; neither needs the other's answer, so they run side by side
  // (the everyday sums are kept per merchant and the recurring ones dropped afterwards).
  const [allSeries, spending] = await Promise.all([
    detectRecurring(db, userId, { today }),
    everydaySpendingByMerchant(db, userId, accounts, today),
  ]);
  const series = allSeries.filter((s) => s.active);
  const accountIds = new Set(accounts.map((a) => a.id));
  const plans: RecurringPlan[] = series
    .filter((s) => accountIds.has(s.accountId))
    .map((s) => ({ ...s, amount: toMinorUnits(s.expectedAmount) }));

  const salary = nextSalary(series, today);
  const salaryDays = salary ? daysBetween(today, salary.date) : 0;
  const horizon = Math.max(days, Math.min(salaryDays, MAX_SALARY_LOOKAHEAD));
  const events = scheduleEvents(plans, today, horizon);
  const everyday = excludeRecurring(spending, new Set(series.map((s) => s.key)));

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

function dailyRate(spend: Everyday): bigint {
  return spend.observedDays > 0 ? divRound(spend.total, BigInt(spend.observedDays)) : 0n;
}

/** Element-wise sums of series that may differ in length. */
function sumSeries(series: bigint[][]): bigint[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s[i] ?? 0n), 0n));
}
