"use client";

import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useTRPC } from "~/lib/trpc/react";
import { BulkBar } from "./bulk-bar";
import { FilterBar } from "./filter-bar";
import {
  PAGE_SIZE,
  type TransactionFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  nextPageParam,
} from "./filters";
import { TransactionRows } from "./transaction-rows";

export function TransactionsView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const list = useSuspenseInfiniteQuery(
    trpc.transaction.list.infiniteQueryOptions({ ...filters, limit: PAGE_SIZE }, { getNextPageParam: nextPageParam }),
  );
  const { data: accounts } = useSuspenseQuery(trpc.bank.accounts.queryOptions());
  const rows = useMemo(() => list.data.pages.flatMap((p) => p.items), [list.data]);

  const setFilters = useCallback(
    (next: TransactionFilters) => {
      setSelected(new Set());
      const query = filtersToSearchParams(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  return (
    <div className="flex flex-col gap-4">
      <FilterBar filters={filters} accounts={accounts} onChange={setFilters} />
      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
      <TransactionRows
        rows={rows}
        selected={selected}
        onSelectedChange={setSelected}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        filtered={Object.keys(filters).length > 0}
      />
    </div>
  );
}
