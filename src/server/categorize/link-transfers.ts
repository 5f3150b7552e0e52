/**
 * Finds the two sides of a transfer between the user's own accounts — the same amount leaving
 * one account and arriving in another within a few days — and links them, so neither counts as
 * spending or income. A payment to the user's own credit card becomes a card payment on both
 * sides (LABELING-RULES.md). Coincidences (a $50 dinner and a $50 refund) are kept apart by
 * requiring transfer wording on at least one side.
 *
 * Only the days around the given transactions are searched: a pair among older rows was already
 * looked for when those rows were new, and a whole history per job grew with every job.
 */
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";

const MAX_DAYS_APART = 3;
const TRANSFER_WORDING =
  "(transfer|xfer|tfr|payment|autopay|online banking|to savings|from savings|to checking|from checking|internal|own account|standing order)";

type Pair = { out_id: string; in_id: string; out_type: string; in_type: string };

/**
 * Links the pairs that involve any of `transactionIds` (or lie in their dates' window). Returns
 * how many pairs were linked and the ids of both sides, whose categories changed.
 */
export async function linkTransfers(
  db: Db,
  userId: string,
  transactionIds: string[],
): Promise<{ linked: number; ids: string[] }> {
  if (transactionIds.length === 0) return { linked: 0, ids: [] };
  return db.$transaction(
    async (tx) => {
      // One linker per user at a time: two concurrent runs could otherwise pick crossing pairs.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`link-transfers:${userId}`}))`;
      // A given row on either side of a pair is at most MAX_DAYS_APART from the outgoing side, so
      // outgoing sides within that of the rows' first and last days find every pair; both sides'
      // ranges are spelled out so each is an index range on (user_id, transaction_date).
      const pairs = await tx.$queryRaw<Pair[]>`
      WITH days AS (
        SELECT min(transaction_date) - ${MAX_DAYS_APART}::int AS first,
               max(transaction_date) + ${MAX_DAYS_APART}::int AS last
          FROM transactions
         WHERE user_id = ${userId}::uuid AND id = ANY(${transactionIds}::uuid[])
      ), candidates AS (
        SELECT o.id AS out_id, i.id AS in_id, oa.account_type::text AS out_type, ia.account_type::text AS in_type,
               ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY ABS(o.transaction_date - i.transaction_date), i.id) AS rank_out,
               ROW_NUMBER() OVER (PARTITION BY i.id ORDER BY ABS(o.transaction_date - i.transaction_date), o.id) AS rank_in
          FROM transactions o
          JOIN transactions i ON i.user_id = o.user_id AND i.account_id <> o.account_id
                             AND i.amount = -o.amount AND i.currency = o.currency
                             AND i.transaction_date BETWEEN o.transaction_date - ${MAX_DAYS_APART}::int AND o.transaction_date + ${MAX_DAYS_APART}::int
          JOIN bank_accounts oa ON oa.id = o.account_id
          JOIN bank_accounts ia ON ia.id = i.account_id
         WHERE o.user_id = ${userId}::uuid AND o.amount < 0
           AND o.transaction_date BETWEEN (SELECT first FROM days) AND (SELECT last FROM days)
           AND i.transaction_date BETWEEN (SELECT first FROM days) - ${MAX_DAYS_APART}::int
                                      AND (SELECT last FROM days) + ${MAX_DAYS_APART}::int
           AND o.transfer_peer_id IS NULL AND i.transfer_peer_id IS NULL
           AND o.status = 'POSTED' AND i.status = 'POSTED'
           AND (o.description ~* ${TRANSFER_WORDING} OR i.description ~* ${TRANSFER_WORDING})
      )
      SELECT out_id, in_id, out_type, in_type FROM candidates WHERE rank_out = 1 AND rank_in = 1`;
      if (pairs.length === 0) return { linked: 0, ids: [] };
      const sides = pairs.flatMap((pair) => {
        const card = pair.in_type === "CREDIT";
        return [
          Prisma.sql`(${pair.out_id}, ${pair.in_id}, ${card ? "LOAN_PAYMENTS" : "TRANSFER_OUT"}, ${card ? "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" : "TRANSFER_OUT_ACCOUNT_TRANSFER"})`,
          Prisma.sql`(${pair.in_id}, ${pair.out_id}, ${card ? "LOAN_PAYMENTS" : "TRANSFER_IN"}, ${card ? "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT" : "TRANSFER_IN_ACCOUNT_TRANSFER"})`,
        ];
      });
      await tx.$executeRaw`
      UPDATE transactions t
         SET transfer_peer_id = v.peer::uuid, category = v.category, category_detailed = v.detailed,
             category_source = 'MODEL', category_confidence = 0.95, updated_at = now()
        FROM (VALUES ${Prisma.join(sides)}) AS v(id, peer, category, detailed)
       WHERE t.id = v.id::uuid AND t.user_id = ${userId}::uuid`;
      return { linked: pairs.length, ids: pairs.flatMap((pair) => [pair.out_id, pair.in_id]) };
    },
    { timeout: 60_000 },
  );
}
