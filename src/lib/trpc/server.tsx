import "server-only";

import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import {
  type TRPCInfiniteQueryOptions,
  type TRPCQueryOptions,
  createTRPCOptionsProxy,
} from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { type ReactNode, cache } from "react";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { makeQueryClient } from "./query-client";

// One query client per request, shared by every server component that prefetches.
export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async () => {
  const heads = new Headers(await headers());
  heads.set("x-trpc-source", "rsc");
  return createTRPCContext({ headers: heads });
});

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Starts each query on the server; an infinite query is stored as pages, the shape its client hook reads. */
export function prefetch(
  ...queries: (ReturnType<TRPCQueryOptions<never>> | ReturnType<TRPCInfiniteQueryOptions<never>>)[]
) {
  const queryClient = getQueryClient();
  for (const query of queries) {
    if (query.queryKey[1]?.type === "infinite") void queryClient.prefetchInfiniteQuery(query as never);
    else void queryClient.prefetchQuery(query as never);
  }
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
