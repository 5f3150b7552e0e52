import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { CardSkeleton } from "../dashboard/card-skeleton";
import { AnomaliesCard } from "./anomalies-card";
import { ForecastCard } from "./forecast-card";
import { InsightsList } from "./insights-list";
import { MonthlyReportLink } from "./monthly-report-link";
import { NetWorthCard } from "./net-worth-card";
import { RecurringCard } from "./recurring-card";
import { TrendsCard } from "./trends-card";

export const metadata: Metadata = { title: "Insights" };

const TREND_MONTHS = 12;

export default async function InsightsPage() {
  await requireSession();
  prefetch(
    trpc.analytics.insights.queryOptions(),
    trpc.analytics.spendingTrends.queryOptions({ months: TREND_MONTHS }),
    trpc.analytics.forecast.queryOptions({ days: 30 }),
    trpc.analytics.anomalies.queryOptions(),
    trpc.analytics.recurring.queryOptions(),
    trpc.analytics.netWorth.queryOptions({ months: TREND_MONTHS }),
  );
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Measured against your own history. Amounts in different currencies are shown apart, never added.
      </p>
      <MonthlyReportLink defaultMonth={new Date().toISOString().slice(0, 7)} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="For you" className="lg:col-span-2" />}>
          <InsightsList />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Cash-flow forecast" className="lg:col-span-2" />}>
          <ForecastCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Spending trends" className="lg:col-span-2" />}>
          <TrendsCard months={TREND_MONTHS} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Unusual charges" />}>
          <AnomaliesCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Subscriptions and bills" />}>
          <RecurringCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Net worth" className="lg:col-span-2" />}>
          <NetWorthCard months={TREND_MONTHS} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
