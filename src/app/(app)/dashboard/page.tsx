import type { Metadata } from "next";
import { requireSession } from "~/server/auth/require-session";
import { HydrateClient, getQueryClient, prefetch, trpc } from "~/lib/trpc/server";
import { AccountsCard } from "./accounts-card";
import { BudgetsThisMonth } from "./budgets-this-month";
import { CashFlowCard } from "./cash-flow-card";
import { CASH_FLOW_MONTHS, NET_WORTH_MONTHS } from "./chart-ranges";
import { DashboardSlot } from "./dashboard-slot";
import { GetStarted } from "./get-started";
import { NetWorthSummary } from "./net-worth-summary";
import { RecentTransactions } from "./recent-transactions";
import { SpendingByCategory } from "./spending-by-category";
import { TopInsights } from "./top-insights";

export const metadata: Metadata = { title: "Dashboard" };

// Each card keeps the height of its skeleton, so nothing below it moves when its data arrives.
const SIZE = {
  short: "h-80",
  chart: "h-[24rem]",
  list: "h-[30rem]",
} as const;

export default async function DashboardPage() {
  await requireSession();
  prefetch(
    trpc.analytics.netWorth.queryOptions({ months: NET_WORTH_MONTHS }),
    trpc.budget.list.queryOptions(),
    trpc.transaction.categorySummary.queryOptions(),
    trpc.analytics.spendingTrends.queryOptions({ months: CASH_FLOW_MONTHS }),
    trpc.transaction.list.queryOptions({ limit: 10 }),
  );
  // Awaited (two small reads of stored rows) so they are part of the first paint: the welcome card
  // for a new user, and the insights card, often the page's largest text (its largest contentful
  // paint). The cards in a DashboardSlot stream in; React reveals streamed content no sooner than
  // 300 ms after the first paint, so the insights card sits outside a slot.
  const [accounts, insights] = await Promise.all([
    getQueryClient().fetchQuery(trpc.bank.accounts.queryOptions()),
    getQueryClient().fetchQuery(trpc.analytics.insights.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Dashboard</h1>
      <div className="grid gap-6 lg:grid-cols-3">
        {accounts.length === 0 && (
          <div className="lg:col-span-3">
            <GetStarted />
          </div>
        )}
        <DashboardSlot title="Net worth" className={SIZE.short}>
          <NetWorthSummary />
        </DashboardSlot>
        <DashboardSlot title="Budgets" className={SIZE.short}>
          <BudgetsThisMonth />
        </DashboardSlot>
        <div className={SIZE.short}>
          <TopInsights insights={insights} />
        </div>
        <DashboardSlot title="Spending this month" className={SIZE.chart}>
          <SpendingByCategory />
        </DashboardSlot>
        <DashboardSlot title="Cash flow" className={`${SIZE.chart} lg:col-span-2`}>
          <CashFlowCard />
        </DashboardSlot>
        <DashboardSlot title="Recent transactions" className={`${SIZE.list} lg:col-span-2`}>
          <RecentTransactions />
        </DashboardSlot>
        <DashboardSlot title="Accounts" className={SIZE.list}>
          <AccountsCard />
        </DashboardSlot>
      </div>
    </HydrateClient>
  );
}
