import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/server/auth/require-session";
import { HydrateClient, getQueryClient, prefetch, trpc } from "~/lib/trpc/server";
import { TransactionsView } from "./transactions-view";
import { PAGE_SIZE, filtersFromSearchParams, nextPageParam } from "./filters";

export const metadata: Metadata = { title: "Transactions" };

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireSession();
  const filters = filtersFromSearchParams(
    new URLSearchParams(
      Object.entries(await searchParams).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
    ),
  );
  prefetch(trpc.transaction.categories.queryOptions(), trpc.bank.accounts.queryOptions());
  void getQueryClient().prefetchInfiniteQuery(
    trpc.transaction.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: nextPageParam }),
  );
  return (
    <HydrateClient>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Transactions</h1>
      <Suspense>
        <TransactionsView />
      </Suspense>
    </HydrateClient>
  );
}
