import { z } from "zod";
import type { Db } from "~/server/db";
import { escapeLike } from "~/server/db/escape-like";
import { toTransactionDto, transactionSelect } from "./transaction-dto";

export const searchTransactionsInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters").max(100),
  limit: z.number().int().min(1).max(100).default(25),
});

/**
 * Substring and fuzzy search over description, merchant and notes: transactions that contain the
 * text come first, newest first (as in a bank's own search: "amazon" lists the latest orders);
 * only when there are fewer than `limit` of them do near misses for a typo like "starbuks" follow,
 * best match first. Trigram indexes (pg_trgm) on all three serve both kinds. Two statements, so a
 * frequent merchant stops at its newest rows instead of ranking thousands of them.
 * The query is always a bound parameter.
 */
export async function searchTransactions(db: Db, userId: string, rawInput: z.input<typeof searchTransactionsInput>) {
  const { query, limit } = searchTransactionsInput.parse(rawInput);
  const pattern = `%${escapeLike(query)}%`;
  const containing = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id
      FROM transactions t
     WHERE t.user_id = ${userId}::uuid
       AND (t.description ILIKE ${pattern} OR t.merchant_name ILIKE ${pattern} OR t.notes ILIKE ${pattern})
     ORDER BY t.transaction_date DESC, t.id DESC
     LIMIT ${limit}`;
  // The `<%` threshold (0.4) is a setting of every connection (src/server/db.ts).
  const nearMisses =
    containing.length === limit
      ? []
      : await db.$queryRaw<{ id: string }[]>`
    SELECT t.id
      FROM transactions t
     WHERE t.user_id = ${userId}::uuid
       AND (${query} <% t.description OR ${query} <% t.merchant_name)
       AND NOT (t.description ILIKE ${pattern} OR COALESCE(t.merchant_name, '') ILIKE ${pattern}
                OR COALESCE(t.notes, '') ILIKE ${pattern})
  ORDER BY GREATEST(word_similarity(${query}, t.description), word_similarity(${query}, COALESCE(t.merchant_name, ''))) DESC,
           t.transaction_date DESC, t.id DESC
     LIMIT ${limit - containing.length}`;
  const hits = [...containing, ...nearMisses];
  const ids = hits.map((h) => h.id);
  const rows = await db.transaction.findMany({ where: { userId, id: { in: ids } }, select: transactionSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toTransactionDto(row)] : [];
  });
}
