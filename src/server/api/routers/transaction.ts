import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { listCategories } from "~/server/transaction/categories";
import { categorySummary } from "~/server/transaction/category-summary";
import { setCategory, setCategoryInput, setNotes, setNotesInput } from "~/server/transaction/edit-transactions";
import { getTransaction, listTransactions, listTransactionsInput } from "~/server/transaction/list-transactions";
import { searchTransactions, searchTransactionsInput } from "~/server/transaction/search-transactions";
import { getSplits, setSplits, setSplitsInput } from "~/server/transaction/split-transaction";
import { thisMonthFor } from "~/server/transaction/this-month";
import { calendarDate } from "~/server/time/calendar";

export const transactionRouter = createTRPCRouter({
  list: protectedProcedure
    // useInfiniteQuery puts its paging direction ("forward") in the input under the same name as the
    // DEBIT/CREDIT filter, which the app's screens do not use: here the name means tRPC's.
    // https://trpc.io/docs/client/tanstack-react-query/usage#infinite-queries
    .input(listTransactionsInput.extend({ direction: z.enum(["forward", "backward"]).optional() }))
    .query(({ ctx, input: { direction: _paging, ...filters } }) => listTransactions(ctx.db, ctx.userId, filters)),
  byId: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getTransaction(ctx.db, ctx.userId, input.id)),
  search: protectedProcedure
    .input(searchTransactionsInput)
    .query(({ ctx, input }) => searchTransactions(ctx.db, ctx.userId, input)),
  categories: protectedProcedure.query(({ ctx }) => listCategories(ctx.db, ctx.userId)),
  categorySummary: protectedProcedure
    .input(z.object({ from: calendarDate, to: calendarDate }).optional())
    .query(async ({ ctx, input }) => {
      const range = input ?? (await thisMonthFor(ctx.db, ctx.userId));
      return { ...range, categories: await categorySummary(ctx.db, ctx.userId, range) };
    }),
  setCategory: protectedProcedure
    .input(setCategoryInput)
    .mutation(({ ctx, input }) => setCategory(ctx.db, ctx.userId, input)),
  setNotes: protectedProcedure.input(setNotesInput).mutation(({ ctx, input }) => setNotes(ctx.db, ctx.userId, input)),
  splits: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getSplits(ctx.db, ctx.userId, input.id)),
  setSplits: protectedProcedure
    .input(setSplitsInput)
    .mutation(({ ctx, input }) => setSplits(ctx.db, ctx.userId, input)),
});
