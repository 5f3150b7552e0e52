/**
 * Tools about money spent and earned. Each calls the same analytics services as the dashboard
 * and returns exact decimal strings, the period it covered, and a link to the matching
 * transactions.
 */
import { z } from "zod";
import { categoryLabel } from "~/server/analytics/category-label";
import { incomeTotals } from "~/server/analytics/income-totals";
import { largestExpenses, largestExpensesInput } from "~/server/analytics/largest-expenses";
import { monthsBack } from "~/server/analytics/month-range";
import { periodSchema, spendingFilterFields, spendingFilters } from "~/server/analytics/spending-filters";
import { comparePeriods, monthlySpending, spendingTotals } from "~/server/analytics/spending-totals";
import { topMerchants, topMerchantsInput } from "~/server/analytics/top-merchants";
import { categorySummary } from "~/server/transaction/category-summary";
import { listTransactions } from "~/server/transaction/list-transactions";
import { calendarDate } from "~/server/time/calendar";
import { transactionsLink } from "../transactions-link";
import { defineTool } from "./chat-tool";
import { assertOwnAccount } from "./own-account";

export const spendingSummary = defineTool({
  description:
    "Total spent (net of refunds, excluding transfers, income and card payments) per currency in a period, optionally for one category, merchant or account.",
  input: spendingFilters,
  async run({ db, userId }, input) {
    await assertOwnAccount(db, userId, input.accountId);
    return {
      period: { from: input.from, to: input.to },
      category: input.category ?? null,
      merchant: input.merchant ?? null,
      totals: await spendingTotals(db, userId, input),
      link: transactionsLink(input),
    };
  },
});

export const spendingByCategory = defineTool({
  description: "Spending per category and currency in a period, biggest first.",
  input: periodSchema,
  async run({ db, userId }, input) {
    const categories = await categorySummary(db, userId, input);
    return {
      period: input,
      categories: categories.map((c) => ({
        ...c,
        label: categoryLabel(c.category),
        link: transactionsLink({ ...input, category: c.category }),
      })),
    };
  },
});

export const spendingTrend = defineTool({
  description:
    "Spending per month over the last N months (this month included), optionally for one category or merchant.",
  input: z.strictObject({
    months: z.number().int().min(1).max(24).default(6),
    category: spendingFilterFields.category,
    merchant: spendingFilterFields.merchant,
  }),
  async run({ db, userId, today }, input) {
    const period = monthsBack(today, input.months);
    return {
      period,
      category: input.category ?? null,
      merchant: input.merchant ?? null,
      months: await monthlySpending(db, userId, { ...period, category: input.category, merchant: input.merchant }),
      link: transactionsLink({ ...period, category: input.category, merchant: input.merchant }),
    };
  },
});

export const topMerchantsTool = defineTool({
  description: "The merchants the user spent most at in a period, per currency.",
  input: topMerchantsInput,
  async run({ db, userId }, input) {
    await assertOwnAccount(db, userId, input.accountId);
    return {
      period: { from: input.from, to: input.to },
      merchants: (await topMerchants(db, userId, input)).map((m) => ({
        ...m,
        link: transactionsLink({ from: input.from, to: input.to, merchant: m.merchant }),
      })),
    };
  },
});

export const largestExpensesTool = defineTool({
  description: "The biggest single expenses in a period, largest first.",
  input: largestExpensesInput,
  async run({ db, userId }, input) {
    await assertOwnAccount(db, userId, input.accountId);
    return {
      period: { from: input.from, to: input.to },
      transactions: await largestExpenses(db, userId, input),
      link: transactionsLink(input),
    };
  },
});

export const comparePeriodsTool = defineTool({
  description: "Spending in one period against another (e.g. this month against last month), per currency.",
  input: z.strictObject({
    current: periodSchema,
    previous: periodSchema,
    category: spendingFilterFields.category,
    merchant: spendingFilterFields.merchant,
  }),
  async run({ db, userId }, input) {
    const filters = { category: input.category, merchant: input.merchant };
    return {
      current: input.current,
      previous: input.previous,
      category: input.category ?? null,
      merchant: input.merchant ?? null,
      comparison: await comparePeriods(db, userId, {
        current: { ...input.current, ...filters },
        previous: { ...input.previous, ...filters },
      }),
      link: transactionsLink({ ...input.current, ...filters }),
    };
  },
});

export const incomeTool = defineTool({
  description:
    "Income received in a period per currency (salary, interest, refunds of tax…; not transfers), with the largest sources.",
  input: z.strictObject({ from: calendarDate, to: calendarDate, accountId: spendingFilterFields.accountId }),
  async run({ db, userId }, input) {
    await assertOwnAccount(db, userId, input.accountId);
    return {
      period: { from: input.from, to: input.to },
      totals: await incomeTotals(db, userId, input),
      link: transactionsLink({ ...input, category: "INCOME" }),
    };
  },
});

export const listTransactionsTool = defineTool({
  description: "The user's transactions, newest first, filtered by period, category, text or account.",
  input: z.strictObject({
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    category: spendingFilterFields.category,
    search: z.string().trim().min(1).max(100).optional().describe("Text in the description, merchant or notes"),
    accountId: spendingFilterFields.accountId,
    direction: z.enum(["DEBIT", "CREDIT"]).optional().describe("DEBIT: money out; CREDIT: money in"),
    limit: z.number().int().min(1).max(50).default(20),
  }),
  async run({ db, userId }, input) {
    await assertOwnAccount(db, userId, input.accountId);
    const page = await listTransactions(db, userId, { ...input, category: input.category?.toUpperCase() });
    return {
      transactions: page.items.map((t) => ({
        id: t.id,
        date: t.date,
        merchant: t.merchantName ?? t.description,
        description: t.description,
        amount: t.amount,
        currency: t.currency,
        category: t.category,
        accountName: t.accountName,
      })),
      hasMore: page.nextCursor !== null,
      link: transactionsLink({ ...input, merchant: input.search }),
    };
  },
});
