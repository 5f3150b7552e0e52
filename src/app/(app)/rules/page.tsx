import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { RulesView } from "./rules-view";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  await requireSession();
  prefetch(
    trpc.rules.list.queryOptions(),
    trpc.transaction.categories.queryOptions(),
    trpc.bank.accounts.queryOptions(),
  );
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Rules</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Rules categorize, rename and tag new transactions automatically, in the order listed. Your own corrections of a
        merchant always win.
      </p>
      <Suspense>
        <RulesView />
      </Suspense>
    </HydrateClient>
  );
}
