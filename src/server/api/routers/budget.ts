import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getBudget, listBudgets } from "~/server/budget/budget-overview";
import { createBudgetInput, updateBudgetInput } from "~/server/budget/budget-schemas";
import { createBudget, deleteBudget, setBudgetArchived, updateBudget } from "~/server/budget/manage-budgets";

const byId = z.object({ id: z.uuid() });

export const budgetRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listBudgets(ctx.db, ctx.userId)),
  byId: protectedProcedure.input(byId).query(({ ctx, input }) => getBudget(ctx.db, ctx.userId, input.id)),
  create: protectedProcedure
    .input(createBudgetInput)
    .mutation(({ ctx, input }) => createBudget(ctx.db, ctx.userId, input)),
  update: protectedProcedure
    .input(updateBudgetInput)
    .mutation(({ ctx, input }) => updateBudget(ctx.db, ctx.userId, input)),
  setArchived: protectedProcedure
    .input(byId.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setBudgetArchived(ctx.db, ctx.userId, input.id, input.archived)),
  delete: protectedProcedure.input(byId).mutation(({ ctx, input }) => deleteBudget(ctx.db, ctx.userId, input.id)),
});
