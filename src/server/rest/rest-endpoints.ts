/**
 * The REST API for scripts (/api/v1): the same services and the same zod input schemas as the
 * tRPC routers, behind personal API tokens. Every handler is scoped to the token's user.
 * Adding an endpoint here serves it, documents it in /api/docs and puts it in the cross-user
 * sweep (tests/integration/security/cross-user-sweep.test.ts).
 */
import { z } from "zod";
import { listAccounts } from "~/server/bank/list-accounts";
import { downloadResponse } from "~/server/export/download-response";
import { EXPORT_CONTENT_TYPES, exportTransactions } from "~/server/export/export-transactions";
import { exportTransactionsInput } from "~/server/export/export-transactions-input";
import { getBudget, listBudgets } from "~/server/budget/budget-overview";
import { createBudgetInput } from "~/server/budget/budget-schemas";
import { createBudget } from "~/server/budget/manage-budgets";
import { monthlyReportPdf, REPORT_CONTENT_TYPE } from "~/server/report/monthly-report";
import { monthlyReportInput } from "~/server/report/monthly-report-data";
import { listCategories } from "~/server/transaction/categories";
import { categorySummary } from "~/server/transaction/category-summary";
import { setCategory, setCategoryInput, setNotes, setNotesInput } from "~/server/transaction/edit-transactions";
import { getTransaction, listTransactions, listTransactionsInput } from "~/server/transaction/list-transactions";
import { searchTransactions, searchTransactionsInput } from "~/server/transaction/search-transactions";
import { thisMonthFor } from "~/server/transaction/this-month";
import { calendarDate } from "~/server/time/calendar";
import { restEndpoint } from "./rest-endpoint";

const byId = z.object({ id: z.uuid() });
const summaryRange = z.object({ from: calendarDate, to: calendarDate }).partial();

export const REST_ENDPOINTS = [
  restEndpoint({
    method: "GET",
    path: "/transactions",
    tag: "Transactions",
    summary: "List transactions, newest first, with filters and a cursor",
    scope: "READ",
    query: listTransactionsInput,
    handle: ({ db, userId }, { query }) => listTransactions(db, userId, query),
  }),
  restEndpoint({
    method: "GET",
    path: "/transactions/search",
    tag: "Transactions",
    summary: "Search descriptions, merchants and notes (substring and fuzzy)",
    scope: "READ",
    query: searchTransactionsInput,
    handle: ({ db, userId }, { query }) => searchTransactions(db, userId, query),
  }),
  restEndpoint({
    method: "GET",
    path: "/transactions/export",
    tag: "Transactions",
    summary: "Download the filtered list as CSV or Excel (format=csv|xlsx), streamed, newest first",
    scope: "READ",
    query: exportTransactionsInput,
    produces: Object.values(EXPORT_CONTENT_TYPES),
    handle: async ({ db, userId }, { query }) => downloadResponse(exportTransactions(db, userId, query)),
  }),
  restEndpoint({
    method: "GET",
    path: "/transactions/{id}",
    tag: "Transactions",
    summary: "One transaction",
    scope: "READ",
    params: byId,
    handle: ({ db, userId }, { params }) => getTransaction(db, userId, params.id),
  }),
  restEndpoint({
    method: "POST",
    path: "/transactions/categorize",
    tag: "Transactions",
    summary: "Set the category of transactions (optionally for every transaction of their merchants)",
    scope: "READ_WRITE",
    body: setCategoryInput,
    handle: ({ db, userId }, { body }) => setCategory(db, userId, body),
  }),
  restEndpoint({
    method: "PUT",
    path: "/transactions/{id}/notes",
    tag: "Transactions",
    summary: "Replace a transaction's notes and tags",
    scope: "READ_WRITE",
    params: byId,
    body: setNotesInput.omit({ id: true }),
    handle: ({ db, userId }, { params, body }) => setNotes(db, userId, { id: params.id, ...body }),
  }),
  restEndpoint({
    method: "GET",
    path: "/accounts",
    tag: "Accounts",
    summary: "Accounts with balances",
    scope: "READ",
    handle: ({ db, userId }) => listAccounts(db, userId),
  }),
  restEndpoint({
    method: "GET",
    path: "/categories",
    tag: "Categories",
    summary: "The categories you can use: the standard taxonomy and your own",
    scope: "READ",
    handle: ({ db, userId }) => listCategories(db, userId),
  }),
  restEndpoint({
    method: "GET",
    path: "/categories/spending",
    tag: "Categories",
    summary: "Spending per category and currency over a date range (default: this month)",
    scope: "READ",
    query: summaryRange,
    handle: async ({ db, userId }, { query }) => {
      const range = query.from && query.to ? { from: query.from, to: query.to } : await thisMonthFor(db, userId);
      return { ...range, categories: await categorySummary(db, userId, range) };
    },
  }),
  restEndpoint({
    method: "GET",
    path: "/budgets",
    tag: "Budgets",
    summary: "Budgets with this period's progress",
    scope: "READ",
    handle: ({ db, userId }) => listBudgets(db, userId),
  }),
  restEndpoint({
    method: "GET",
    path: "/budgets/{id}",
    tag: "Budgets",
    summary: "One budget with its recent periods",
    scope: "READ",
    params: byId,
    handle: ({ db, userId }, { params }) => getBudget(db, userId, params.id),
  }),
  restEndpoint({
    method: "POST",
    path: "/budgets",
    tag: "Budgets",
    summary: "Create a budget",
    scope: "READ_WRITE",
    body: createBudgetInput,
    status: 201,
    handle: ({ db, userId }, { body }) => createBudget(db, userId, body),
  }),
  restEndpoint({
    method: "GET",
    path: "/reports/monthly",
    tag: "Reports",
    summary: "The monthly report (summary, categories, budgets, top merchants) as a PDF",
    scope: "READ",
    query: monthlyReportInput,
    produces: [REPORT_CONTENT_TYPE],
    handle: async ({ db, userId }, { query }) => downloadResponse(await monthlyReportPdf(db, userId, query)),
  }),
];
