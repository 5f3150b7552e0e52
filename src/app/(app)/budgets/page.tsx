import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { BudgetsView } from "./budgets-view";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  await requireSession();
  prefetch(trpc.budget.list.queryOptions(), trpc.transaction.categories.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Budgets</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Spending counts your own category choices, leaves out transfers and income, and takes refunds off. You get an
        alert once at each threshold, per period.
      </p>
      <Suspense>
        <BudgetsView />
      </Suspense>
    </HydrateClient>
  );
}
