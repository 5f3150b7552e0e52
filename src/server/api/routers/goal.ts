import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getGoal, listGoals } from "~/server/goal/goal-overview";
import { contributeInput, createGoalInput, setGoalStatusInput, updateGoalInput } from "~/server/goal/goal-schemas";
import {
  addContribution,
  createGoal,
  deleteContribution,
  deleteGoal,
  setGoalStatus,
  updateGoal,
} from "~/server/goal/manage-goals";

const byId = z.object({ id: z.uuid() });

export const goalRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listGoals(ctx.db, ctx.userId)),
  byId: protectedProcedure.input(byId).query(({ ctx, input }) => getGoal(ctx.db, ctx.userId, input.id)),
  create: protectedProcedure.input(createGoalInput).mutation(({ ctx, input }) => createGoal(ctx.db, ctx.userId, input)),
  update: protectedProcedure.input(updateGoalInput).mutation(({ ctx, input }) => updateGoal(ctx.db, ctx.userId, input)),
  setStatus: protectedProcedure
    .input(setGoalStatusInput)
    .mutation(({ ctx, input }) => setGoalStatus(ctx.db, ctx.userId, input)),
  delete: protectedProcedure.input(byId).mutation(({ ctx, input }) => deleteGoal(ctx.db, ctx.userId, input.id)),
  contribute: protectedProcedure
    .input(contributeInput)
    .mutation(({ ctx, input }) => addContribution(ctx.db, ctx.userId, input)),
  deleteContribution: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteContribution(ctx.db, ctx.userId, input.id)),
});
