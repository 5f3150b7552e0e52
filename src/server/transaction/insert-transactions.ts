/**
 * The one write path for bank transactions, shared by the bank sync and file imports. Each chunk
 * is ONE `INSERT … SELECT FROM unnest(…)` with a column array per field: the statement text and
 * its parameter count stay the same whatever the chunk size, so Postgres parses and plans it
 * once per chunk instead of once per row, and the client builds one array per column instead of
 * a placeholder per value. ON CONFLICT on (account_id, provider_transaction_id) means writing the
 * same transaction twice never makes two rows. On conflict only bank-owned fields are updated;
 * the user's category, notes and tags are never overwritten.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/server/db/generated/client";
import { directionOf } from "./money";

export type NewTransaction = {
  accountId: string;
  /** The bank's id (Plaid transaction_id, OFX FITID) or an import's content key. */
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
  /** The bank's own category, kept as a first answer (source PROVIDER) until the categorizer has run. */
  providerCategory?: { primary: string; detailed: string | null; confidence: number } | null;
};

/** What happens to a row whose (account, provider id) already exists. */
export type OnConflict =
  /** The bank's newer version replaces the bank-owned fields (a sync's `modified`). */
  | "update"
  /** The existing row stays as it is (an import never rewrites what is already there). */
  | "ignore";

// Bounds one statement's parameter arrays (and the memory of building them), not Postgres limits.
const ROWS_PER_STATEMENT = 10_000;
const MERCHANT_MAX = 255; // transactions.merchant_name is VARCHAR(255)

type Columns = {
  id: string[];
  accountId: string[];
  key: string[];
  pendingId: (string | null)[];
  amount: string[];
  currency: string[];
  direction: string[];
  merchant: (string | null)[];
  description: string[];
  day: string[];
  posted: (string | null)[];
  status: string[];
  metadata: (string | null)[];
  batch: (string | null)[];
  category: (string | null)[];
  detailed: (string | null)[];
  confidence: (string | null)[];
};

function toColumns(rows: readonly NewTransaction[]): Columns {
  const c: Columns = {
    id: [],
    accountId: [],
    key: [],
    pendingId: [],
    amount: [],
    currency: [],
    direction: [],
    merchant: [],
    description: [],
    day: [],
    posted: [],
    status: [],
    metadata: [],
    batch: [],
    category: [],
    detailed: [],
    confidence: [],
  };
  for (const t of rows) {
    // Ids are made here so the statement can return them without a second lookup.
    c.id.push(randomUUID());
    c.accountId.push(t.accountId);
    c.key.push(t.providerTransactionId);
    c.pendingId.push(t.pendingTransactionId ?? null);
    // A decimal string end to end: Postgres's numeric cast rejects anything that is not one.
    c.amount.push(t.amount);
    c.currency.push(t.currency);
    c.direction.push(directionOf(t.amount));
    c.merchant.push(t.merchantName?.slice(0, MERCHANT_MAX) ?? null);
    c.description.push(t.description);
    c.day.push(t.date);
    c.posted.push(t.postedDate ?? null);
    c.status.push(t.pending ? "PENDING" : "POSTED");
    c.metadata.push(t.metadata ? JSON.stringify(t.metadata) : null);
    c.batch.push(t.importBatchId ?? null);
    c.category.push(t.providerCategory?.primary ?? null);
    c.detailed.push(t.providerCategory?.detailed ?? null);
    c.confidence.push(t.providerCategory ? t.providerCategory.confidence.toFixed(2) : null);
  }
  return c;
}

async function writeChunk(
  tx: Prisma.TransactionClient,
  userId: string,
  c: Columns,
  onConflict: OnConflict,
): Promise<{ id: string; inserted: boolean }[]> {
  const source = `
    SELECT u.id, $1::uuid, u.account_id, u.key, u.pending_id, u.amount::numeric(15, 2), u.currency,
           u.direction::"Direction", u.merchant, u.description, u.day, u.posted, u.status::"TransactionStatus",
           u.metadata, u.batch, now(), now(), u.category, u.detailed, u.confidence::numeric(3, 2),
           CASE WHEN u.category IS NULL THEN NULL ELSE 'PROVIDER'::"CategorySource" END
      FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                  $10::text[], $11::date[], $12::date[], $13::text[], $14::jsonb[], $15::uuid[], $16::text[],
                  $17::text[], $18::text[])
           AS u(id, account_id, key, pending_id, amount, currency, direction, merchant, description, day, posted,
                status, metadata, batch, category, detailed, confidence)`;
  const conflict =
    onConflict === "update"
      ? `DO UPDATE SET pending_transaction_id = EXCLUDED.pending_transaction_id, amount = EXCLUDED.amount,
           currency = EXCLUDED.currency, direction = EXCLUDED.direction, description = EXCLUDED.description,
           transaction_date = EXCLUDED.transaction_date, posted_date = EXCLUDED.posted_date, status = EXCLUDED.status,
           metadata = COALESCE(transactions.metadata, '{}'::jsonb) || COALESCE(EXCLUDED.metadata, '{}'::jsonb),
           updated_at = now()`
      : "DO NOTHING";
  // The text is fixed (no user input in it); every value is a bound parameter.
  return tx.$queryRawUnsafe<{ id: string; inserted: boolean }[]>(
    `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, pending_transaction_id, amount,
                               currency, direction, merchant_name, description, transaction_date, posted_date,
                               status, metadata, import_batch_id, created_at, updated_at, category,
                               category_detailed, category_confidence, category_source)
     ${source}
     ON CONFLICT (account_id, provider_transaction_id) ${conflict}
     RETURNING id::text, (xmax = 0) AS inserted`,
    userId,
    c.id,
    c.accountId,
    c.key,
    c.pendingId,
    c.amount,
    c.currency,
    c.direction,
    c.merchant,
    c.description,
    c.day,
    c.posted,
    c.status,
    c.metadata,
    c.batch,
    c.category,
    c.detailed,
    c.confidence,
  );
}

/**
 * Writes `rows` for `userId`: `inserted` are the ids of rows that did not exist before, `updated`
 * those of existing rows the bank's version replaced ("update" only; "ignore" leaves them out). With
 * "update", the same (account, provider id) must not appear twice in `rows` (Postgres cannot
 * update one row twice in one statement); with "ignore", a repeat is simply skipped.
 */
export async function upsertTransactions(
  tx: Prisma.TransactionClient,
  userId: string,
  rows: readonly NewTransaction[],
  onConflict: OnConflict,
): Promise<{ inserted: string[]; updated: string[] }> {
  const inserted: string[] = [];
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const result = await writeChunk(tx, userId, toColumns(rows.slice(i, i + ROWS_PER_STATEMENT)), onConflict);
    for (const row of result) (row.inserted ? inserted : updated).push(row.id);
  }
  return { inserted, updated };
}
