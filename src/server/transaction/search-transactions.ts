import { z } from "zod";
import type { Db } from "~/server/db";
import { escapeLike } from "~/server/db/escape-like";
import { toTransactionDto, transactionSelect } from "./transaction-dto";

export const searchTransactionsInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters").max(100),
  limit: z.number().int().min(1).max(100).default(25),
});

/**
 * Substring and fuzzy search over description, merchant and notes, best match first. Trigram
 * indexes (pg_trgm) on all three serve both: `ILIKE '%…%'` for exact pieces, `<%` (word
 * similarity) for typos like "starbuks"; one index missing and the OR reads every row of the user.
 * The query is always a bound parameter.
 */
export async function searchTransactions(db: Db, userId: string, rawInput: z.input<typeof searchTransactionsInput>) {
  const { query, limit } = searchTransactionsInput.parse(rawInput);
  const pattern = `%${escapeLike(query)}%`;
  // The `<%` threshold (0.4) is a setting of every connection (src/server/db.ts).
  const hits = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id
      FROM transactions t
     WHERE t.user_id = ${userId}::uuid
       AND (t.description ILIKE ${pattern} OR t.merchant_name ILIKE ${pattern} OR t.notes ILIKE ${pattern}
            OR ${query} <% t.description OR ${query} <% t.merchant_name)
  ORDER BY GREATEST(word_similarity(${query}, t.description), word_similarity(${query}, COALESCE(t.merchant_name, ''))) DESC,
           t.transaction_date DESC, t.id DESC
     LIMIT ${limit}`;
  const ids = hits.map((h) => h.id);
  const rows = await db.transaction.findMany({ where: { userId, id: { in: ids } }, select: transactionSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toTransactionDto(row)] : [];
  });
}
