import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { ImportView } from "./import-view";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requireSession();
  prefetch(trpc.bank.accounts.queryOptions());
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold tracking-tight">Import a bank file</h1>
      <p className="mb-6 mt-1 text-sm text-muted-foreground">
        Download a statement from your bank&apos;s website as CSV, OFX, QFX or QIF and bring it in here. You see what
        will be added before anything is written; importing the same file twice adds nothing.
      </p>
      <Suspense fallback={<p className="text-sm text-muted-foreground">Loading your accounts…</p>}>
        <ImportView />
      </Suspense>
    </HydrateClient>
  );
}
