import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { categorySummary } from "~/server/transaction/category-summary";
import { getTransaction, listTransactions, listTransactionsInput } from "~/server/transaction/list-transactions";
import { thisMonthFor } from "~/server/transaction/this-month";
import { calendarDate } from "~/server/time/calendar";

export const transactionRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listTransactionsInput)
    .query(({ ctx, input }) => listTransactions(ctx.db, ctx.userId, input)),
  byId: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getTransaction(ctx.db, ctx.userId, input.id)),
  categorySummary: protectedProcedure
    .input(z.object({ from: calendarDate, to: calendarDate }).optional())
    .query(async ({ ctx, input }) => {
      const range = input ?? (await thisMonthFor(ctx.db, ctx.userId));
      return { ...range, categories: await categorySummary(ctx.db, ctx.userId, range) };
    }),
});
