import { z } from "zod";
import type { Db } from "~/server/db";
import { escapeLike } from "~/server/db/escape-like";
import { Prisma } from "~/server/db/generated/client";
import { toTransactionDto, transactionSelect } from "./transaction-dto";

export const searchTransactionsInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters").max(100),
  limit: z.number().int().min(1).max(100).default(25),
});

/** The newest rows read first: a merchant the user pays often fills the page from them. */
const RECENT_ROWS = 1_000;

type Hit = { id: string };

/**
 * Substring and fuzzy search over description, merchant and notes: transactions that contain the
 * text come first, newest first (as in a bank's own search: "amazon" lists the latest orders);
 * only when there are fewer than `limit` of them do near misses for a typo like "starbuks" follow,
 * best match first. Trigram indexes (pg_trgm) on all three serve both kinds.
 * The query is always a bound parameter.
 */
export async function searchTransactions(db: Db, userId: string, rawInput: z.input<typeof searchTransactionsInput>) {
  const { query, limit } = searchTransactionsInput.parse(rawInput);
  const pattern = `%${escapeLike(query)}%`;
  const contains = Prisma.sql`(description ILIKE ${pattern} OR merchant_name ILIKE ${pattern} OR notes ILIKE ${pattern})`;
  // Two ways to the newest rows that contain the text, each fast where the other is slow: walking
  // the user's history from today stops early for a frequent merchant; the trigram indexes find a
  // rare one's few rows. Postgres cannot tell the two apart (it guesses every '%…%' pattern
  // frequent), so the short walk goes first and the materialized CTE keeps the second from walking.
  const recent = await db.$queryRaw<Hit[]>`
    SELECT id
      FROM (SELECT id, transaction_date, description, merchant_name, notes
              FROM transactions
             WHERE user_id = ${userId}::uuid
             ORDER BY transaction_date DESC, id DESC
             LIMIT ${RECENT_ROWS}) AS newest
     WHERE ${contains}
     ORDER BY transaction_date DESC, id DESC
     LIMIT ${limit}`;
  const containing =
    recent.length === limit
      ? recent
      : await db.$queryRaw<Hit[]>`
    WITH matching AS MATERIALIZED (
      SELECT id, transaction_date FROM transactions WHERE user_id = ${userId}::uuid AND ${contains})
    SELECT id FROM matching ORDER BY transaction_date DESC, id DESC LIMIT ${limit}`;
  // The `<%` threshold (0.4) is a setting of every connection (src/server/db.ts).
  const nearMisses =
    containing.length === limit
      ? []
      : await db.$queryRaw<Hit[]>`
    SELECT id
      FROM transactions
     WHERE user_id = ${userId}::uuid
       AND (${query} <% description OR ${query} <% merchant_name)
       AND NOT COALESCE(${contains}, false)
  ORDER BY GREATEST(word_similarity(${query}, description), word_similarity(${query}, COALESCE(merchant_name, ''))) DESC,
           transaction_date DESC, id DESC
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
