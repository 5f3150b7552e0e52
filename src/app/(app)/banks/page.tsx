import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { BanksView } from "./banks-view";

export const metadata: Metadata = { title: "Banks" };

export default async function BanksPage() {
  await requireSession();
  prefetch(trpc.bank.connections.queryOptions(), trpc.bank.linkMode.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Bank connections</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Connected banks sync every six hours and whenever the bank says something changed. Your bank sign-in is never
        stored here: only an encrypted access token the bank gave us.
      </p>
      <Suspense>
        <BanksView />
      </Suspense>
    </HydrateClient>
  );
}
