/**
 * A link to the transaction list filtered the way an answer was computed, in the URL format the
 * transactions page reads (src/app/(app)/transactions/filters.ts: search, category, accountId,
 * from, to), so every figure can be checked line by line.
 */
export function transactionsLink(filters: {
  from?: string;
  to?: string;
  category?: string;
  merchant?: string;
  accountId?: string;
}): string {
  const params = new URLSearchParams();
  if (filters.merchant) params.set("search", filters.merchant.trim());
  if (filters.category) params.set("category", filters.category.toUpperCase());
  if (filters.accountId) params.set("accountId", filters.accountId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const query = params.toString();
  return query ? `/transactions?${query}` : "/transactions";
}
