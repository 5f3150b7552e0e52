/**
 * Tools about what is coming and what is planned: budgets, goals, the cash-flow forecast,
 * subscriptions and bills, unusual charges, and the user's accounts (so the model can name or
 * filter by one of them).
 */
import { z } from "zod";
import { detectAnomalies } from "~/server/analytics/anomalies";
import { addDays } from "~/server/analytics/classify-series";
import { type RecurringSeries, detectRecurring, monthlyEquivalent } from "~/server/analytics/detect-recurring";
import { forecastCashFlow, forecastInput } from "~/server/analytics/forecast";
import { listAccounts } from "~/server/bank/list-accounts";
import { listBudgets } from "~/server/budget/budget-overview";
import { listGoals } from "~/server/goal/goal-overview";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { transactionsLink } from "../transactions-link";
import { defineTool } from "./chat-tool";

const positive = (amount: string) => amount.replace(/^-/, "");

export const budgetStatus = defineTool({
  description: "Each active budget with its current period: amount, spent, what is left, percent used.",
  input: z.strictObject({}),
  async run({ db, userId, now }) {
    const budgets = (await listBudgets(db, userId, now)).filter((b) => !b.archived);
    return {
      budgets: budgets.map((b) => ({
        name: b.name,
        category: b.category,
        period: b.period,
        currency: b.currency,
        amount: b.current?.available ?? b.amount,
        spent: b.current?.spent ?? "0.00",
        remaining: b.current?.remaining ?? b.amount,
        percent: b.current?.percent ?? null,
        start: b.current?.start ?? null,
        end: b.current?.end ?? null,
        link: b.current
          ? transactionsLink({ from: b.current.start, to: b.current.end, category: b.category ?? undefined })
          : null,
      })),
    };
  },
});

export const savingsGoals = defineTool({
  description: "The user's savings goals: target, saved so far, percent, target date and projected completion.",
  input: z.strictObject({}),
  async run({ db, userId, now }) {
    return {
      goals: (await listGoals(db, userId, now)).map((g) => ({
        name: g.name,
        status: g.status,
        currency: g.currency,
        target: g.targetAmount,
        saved: g.currentAmount,
        remaining: g.remaining,
        percent: g.percent,
        targetDate: g.targetDate,
        projectedDate: g.projectedDate,
        onTrack: g.onTrack,
      })),
    };
  },
});

type Forecast = Awaited<ReturnType<typeof forecastCashFlow>>;

export const cashFlowForecast = defineTool({
  description:
    "Projected balances of the user's cash accounts for the next 30, 60 or 90 days from recurring income, bills and usual spending; includes whether the balance goes below zero before the next salary.",
  input: forecastInput.strict(),
  async run({ db, userId, now }, input) {
    return forecastCashFlow(db, userId, input, now);
  },
  // Daily points are for the chart; the model needs the shape, not 91 rows per currency.
  forModel: (output: Forecast) => ({
    ...output,
    currencies: output.currencies.map(({ points: _points, ...rest }) => rest),
    events: output.events.slice(0, 15),
  }),
});

function billView(s: RecurringSeries) {
  return {
    name: s.name,
    category: s.category,
    currency: s.currency,
    cadence: s.cadence,
    amount: positive(s.expectedAmount),
    monthly: positive(monthlyEquivalent(s)),
    nextExpectedDate: s.nextExpectedDate,
    lastDate: s.lastDate,
    priceRise: s.priceRise && {
      from: positive(s.priceRise.from),
      to: positive(s.priceRise.to),
      percent: s.priceRise.percent,
    },
  };
}

export const subscriptions = defineTool({
  description: "Active subscriptions and recurring bills, with what they cost per month in total per currency.",
  input: z.strictObject({}),
  async run({ db, userId, today }) {
    const bills = (await detectRecurring(db, userId, { today })).filter((s) => s.active && s.kind === "bill");
    const currencies = [...new Set(bills.map((b) => b.currency))].sort();
    return {
      subscriptions: bills.map(billView),
      monthlyTotals: currencies.map((currency) => ({
        currency,
        monthly: fromMinorUnits(
          -bills
            .filter((b) => b.currency === currency)
            .reduce((sum, b) => sum + toMinorUnits(monthlyEquivalent(b)), 0n),
        ),
      })),
    };
  },
});

export const upcomingBills = defineTool({
  description: "Recurring bills expected in the next N days (default 14), soonest first.",
  input: z.strictObject({ days: z.number().int().min(1).max(60).default(14) }),
  async run({ db, userId, today }, input) {
    const until = addDays(today, input.days);
    const bills = (await detectRecurring(db, userId, { today })).filter(
      (s) => s.active && s.kind === "bill" && s.nextExpectedDate >= today && s.nextExpectedDate <= until,
    );
    return { period: { from: today, to: until }, bills: bills.map(billView) };
  },
});

export const unusualSpending = defineTool({
  description:
    "Unusual charges in the last N days: far above the usual at a merchant or in a category, large first charges, duplicates.",
  input: z.strictObject({ days: z.number().int().min(1).max(90).default(30) }),
  async run({ db, userId, now }, input) {
    return { anomalies: await detectAnomalies(db, userId, input, now) };
  },
});

export const accounts = defineTool({
  description: "The user's bank accounts with their ids, types, currencies and current balances.",
  input: z.strictObject({}),
  async run({ db, userId }) {
    return {
      accounts: (await listAccounts(db, userId)).map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        currency: a.currency,
        currentBalance: a.currentBalance,
        institution: a.institutionName,
        link: transactionsLink({ accountId: a.id }),
      })),
    };
  },
});
