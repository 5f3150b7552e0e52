import { z } from "zod";

export const PAGE_SIZE = 100;

export const nextPageParam = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

/** Filters live in the URL, so a chat answer or a chart can link straight to a filtered list. */
const filtersSchema = z.object({
  search: z.string().trim().max(100).optional().catch(undefined),
  category: z.string().max(100).optional().catch(undefined),
  accountId: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

export type TransactionFilters = z.infer<typeof filtersSchema>;

export function filtersFromSearchParams(params: URLSearchParams): TransactionFilters {
  const parsed = filtersSchema.parse(Object.fromEntries(params));
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v)) as TransactionFilters;
}

export function filtersToSearchParams(filters: TransactionFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return params.toString();
}
