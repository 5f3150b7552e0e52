import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { AccountsCard } from "./accounts-card";
import { CardSkeleton } from "./card-skeleton";
import { RecentTransactions } from "./recent-transactions";
import { SpendingByCategory } from "./spending-by-category";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireSession();
  prefetch(
    trpc.bank.accounts.queryOptions(),
    trpc.transaction.categorySummary.queryOptions(),
    trpc.transaction.list.queryOptions({ limit: 10 }),
  );
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Dashboard</h1>
      <div className="grid gap-6 lg:grid-cols-3">
        <Suspense fallback={<CardSkeleton title="Accounts" />}>
          <AccountsCard />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Spending this month" className="lg:col-span-2" />}>
          <SpendingByCategory />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Recent transactions" className="lg:col-span-3" />}>
          <RecentTransactions />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
