import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { anomaliesInput, detectAnomalies } from "~/server/analytics/anomalies";
import { detectRecurring } from "~/server/analytics/detect-recurring";
import { forecastCashFlow, forecastInput } from "~/server/analytics/forecast";
import { refreshInsights } from "~/server/analytics/generate-insights";
import {
  dismissInsight,
  insightIdsInput,
  listInsights,
  listInsightsInput,
  markInsightsViewed,
} from "~/server/analytics/insight-store";
import { netWorthInput, netWorthOverTime } from "~/server/analytics/net-worth";
import { spendingTrends, trendsInput } from "~/server/analytics/spending-trends";

export const analyticsRouter = createTRPCRouter({
  spendingTrends: protectedProcedure
    .input(trendsInput.optional())
    .query(({ ctx, input }) => spendingTrends(ctx.db, ctx.userId, input)),
  netWorth: protectedProcedure
    .input(netWorthInput.optional())
    .query(({ ctx, input }) => netWorthOverTime(ctx.db, ctx.userId, input)),
  anomalies: protectedProcedure
    .input(anomaliesInput.optional())
    .query(({ ctx, input }) => detectAnomalies(ctx.db, ctx.userId, input)),
  forecast: protectedProcedure
    .input(forecastInput.optional())
    .query(({ ctx, input }) => forecastCashFlow(ctx.db, ctx.userId, input)),
  recurring: protectedProcedure.query(async ({ ctx }) =>
    (await detectRecurring(ctx.db, ctx.userId)).filter((s) => s.active),
  ),
  insights: protectedProcedure
    .input(listInsightsInput.optional())
    .query(({ ctx, input }) => listInsights(ctx.db, ctx.userId, input)),
  markInsightsViewed: protectedProcedure
    .input(insightIdsInput)
    .mutation(({ ctx, input }) => markInsightsViewed(ctx.db, ctx.userId, input.ids)),
  dismissInsight: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => dismissInsight(ctx.db, ctx.userId, input.id)),
  refreshInsights: protectedProcedure.mutation(async ({ ctx }) => {
    const { created } = await refreshInsights(ctx.db, ctx.userId);
    return { created: created.length };
  }),
});
