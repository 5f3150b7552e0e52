import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { GoalsView } from "./goals-view";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage() {
  await requireSession();
  prefetch(trpc.goal.list.queryOptions(), trpc.bank.accounts.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Savings goals</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Add money by hand, or let a goal follow a savings account&apos;s balance. The projected date extends your pace
        over the last 90 days.
      </p>
      <Suspense>
        <GoalsView />
      </Suspense>
    </HydrateClient>
  );
}
