/**
 * Bulk writes of bank transactions, shared by the bank sync and file imports: multi-row
 * INSERT … ON CONFLICT on (account_id, provider_transaction_id), so writing the same
 * transaction twice never makes two rows. Only bank-owned fields are updated on conflict; the
 * user's category, notes and tags are never overwritten.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/server/db/generated/client";
import { Prisma as P } from "~/server/db/generated/client";
import { fromCalendarDate } from "~/server/time/calendar";
import { directionOf } from "./money";

export type NewTransaction = {
  accountId: string;
  providerTransactionId: string;
  pendingTransactionId?: string | null;
  amount: string;
  currency: string;
  date: string;
  postedDate?: string | null;
  description: string;
  merchantName?: string | null;
  pending?: boolean;
  metadata?: Record<string, unknown> | null;
  importBatchId?: string | null;
  /** The bank's own category, kept as a first answer until the categorizer has run. */
  providerCategory?: { primary: string; detailed: string | null; confidence: number } | null;
};

// 20 parameters a row; Postgres allows 65,535 parameters a statement.
const ROWS_PER_STATEMENT = 1_500;

type Tx = Prisma.TransactionClient;

function valuesOf(userId: string, t: NewTransaction) {
  return P.sql`(${randomUUID()}::uuid, ${userId}::uuid, ${t.accountId}::uuid, ${t.providerTransactionId}, ${t.pendingTransactionId ?? null},
    ${t.amount}::numeric, ${t.currency}, ${directionOf(t.amount)}::"Direction", ${t.merchantName ?? null}, ${t.description},
    ${fromCalendarDate(t.date)}::date, ${t.postedDate ? fromCalendarDate(t.postedDate) : null}::date,
    ${t.pending ? "PENDING" : "POSTED"}::"TransactionStatus", ${t.metadata ? JSON.stringify(t.metadata) : null}::jsonb,
    ${t.importBatchId ?? null}::uuid, now(), ${t.providerCategory?.primary ?? null}, ${t.providerCategory?.detailed ?? null},
    ${t.providerCategory ? t.providerCategory.confidence.toFixed(2) : null}::numeric,
    ${t.providerCategory ? "PROVIDER" : null}::"CategorySource")`;
}

/**
 * Inserts new transactions and updates changed ones (`update: true`) or leaves existing ones
 * alone (`update: false`). Returns the ids of rows that did not exist before.
 */
export async function upsertTransactions(
  tx: Tx,
  userId: string,
  rows: NewTransaction[],
  options: { update: boolean },
): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => valuesOf(userId, row));
    const onConflict = options.update
      ? P.sql`DO UPDATE SET pending_transaction_id = EXCLUDED.pending_transaction_id, amount = EXCLUDED.amount,
                 currency = EXCLUDED.currency, direction = EXCLUDED.direction, description = EXCLUDED.description,
                 transaction_date = EXCLUDED.transaction_date, posted_date = EXCLUDED.posted_date, status = EXCLUDED.status,
                 metadata = COALESCE(transactions.metadata, '{}'::jsonb) || COALESCE(EXCLUDED.metadata, '{}'::jsonb),
                 updated_at = now()`
      : P.sql`DO NOTHING`;
    const result = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, pending_transaction_id, amount, currency,
                                direction, merchant_name, description, transaction_date, posted_date, status, metadata,
                                import_batch_id, updated_at, category, category_detailed, category_confidence,
                                category_source)
      VALUES ${P.join(chunk)}
      ON CONFLICT (account_id, provider_transaction_id) ${onConflict}
      RETURNING id, (xmax = 0) AS inserted`;
    for (const row of result) if (row.inserted) inserted.push(row.id);
  }
  return inserted;
}
