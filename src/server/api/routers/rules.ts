import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { applyRuleToExisting, previewRule } from "~/server/categorize/apply-rule-to-existing";
import { ruleInputSchema } from "~/server/categorize/rule-schema";
import {
  createRule,
  deleteRule,
  listRules,
  reorderRules,
  reorderRulesInput,
  updateRule,
} from "~/server/categorize/rules";

const byId = z.object({ id: z.uuid() });

export const rulesRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listRules(ctx.db, ctx.userId)),
  create: protectedProcedure.input(ruleInputSchema).mutation(({ ctx, input }) => createRule(ctx.db, ctx.userId, input)),
  update: protectedProcedure
    .input(byId.extend({ rule: ruleInputSchema }))
    .mutation(({ ctx, input }) => updateRule(ctx.db, ctx.userId, input.id, input.rule)),
  delete: protectedProcedure.input(byId).mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.userId, input.id)),
  reorder: protectedProcedure
    .input(reorderRulesInput)
    .mutation(({ ctx, input }) => reorderRules(ctx.db, ctx.userId, input.ids)),
  preview: protectedProcedure.input(ruleInputSchema).query(({ ctx, input }) => previewRule(ctx.db, ctx.userId, input)),
  applyToExisting: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => applyRuleToExisting(ctx.db, ctx.userId, input.id)),
});
