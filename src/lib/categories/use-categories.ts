"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { humanizeSlug } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/react";

/** The user's category list and a slug → label lookup, falling back to a readable slug. */
export function useCategories() {
  const trpc = useTRPC();
  const { data = [] } = useQuery({ ...trpc.transaction.categories.queryOptions(), staleTime: 5 * 60_000 });
  return useMemo(() => {
    const labels = new Map(data.map((c) => [c.slug, c.label]));
    const primaries = data.filter((c) => c.slug === c.primary);
    return { categories: data, primaries, label: (slug: string) => labels.get(slug) ?? humanizeSlug(slug) };
  }, [data]);
}
