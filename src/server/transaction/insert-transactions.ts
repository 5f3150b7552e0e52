/**
 * The one write path for bank transactions, shared by the bank sync and file imports. Each chunk
 * is ONE `INSERT … SELECT FROM json_to_recordset($2)`: the rows travel as a single JSON text
 * parameter, so the statement and its two parameters stay the same whatever the chunk size. A
 * column array per field was measured 20 % slower per 10,000 rows: Prisma and `pg` convert every
 * array element one by one, while JSON.stringify and Postgres's JSON parser each take the chunk
 * in one pass. ON CONFLICT on (account_id, provider_transaction_id) means writing the same
 * transaction twice never makes two rows. On conflict only bank-owned fields are updated; the
 * user's category, notes and tags are never overwritten.
 */
import { randomUUID } from "node:crypto";
import type { CategoryVerdict } from "~/server/categorize/category-verdict";
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
  /**
   * The categorizer's answer, decided before the row was written (categorize-new-transactions.ts);
   * `merchantName` is then its cleaned name. Absent, the row waits for the categorize queue.
   */
  categorized?: { verdict: CategoryVerdict; merchantKey: string; tags: string[] };
};

/** What happens to a row whose (account, provider id) already exists. */
export type OnConflict =
  /** The bank's newer version replaces the bank-owned fields (a sync's `modified`). */
  | "update"
  /** The existing row stays as it is (an import never rewrites what is already there). */
  | "ignore";

// Bounds one statement's JSON payload (and the memory of building it), not a Postgres limit.
const ROWS_PER_STATEMENT = 10_000;
const MERCHANT_MAX = 255; // transactions.merchant_name is VARCHAR(255)

/** One row of the JSON payload; short keys keep 10,000 of them small. */
function toRecord(t: NewTransaction) {
  const verdict = t.categorized?.verdict;
  const fallback = t.providerCategory;
  return {
    // Ids are made here so the statement can return them without a second lookup.
    id: randomUUID(),
    account: t.accountId,
    key: t.providerTransactionId,
    pendingId: t.pendingTransactionId ?? null,
    // A decimal string end to end: Postgres's numeric cast rejects anything that is not one.
    amount: t.amount,
    currency: t.currency,
    direction: directionOf(t.amount),
    merchant: t.merchantName?.slice(0, MERCHANT_MAX) ?? null,
    description: t.description,
    day: t.date,
    posted: t.postedDate ?? null,
    status: t.pending ? "PENDING" : "POSTED",
    metadata: t.metadata ?? null,
    batch: t.importBatchId ?? null,
    merchantKey: t.categorized?.merchantKey.slice(0, MERCHANT_MAX) || null,
    category: verdict?.primary ?? fallback?.primary ?? null,
    detailed: verdict ? verdict.detailed : (fallback?.detailed ?? null),
    confidence: (verdict ?? fallback)?.confidence.toFixed(2) ?? null,
    source: verdict?.source ?? (fallback ? "PROVIDER" : null),
    tags: t.categorized?.tags ?? [],
  };
}

async function writeChunk(
  tx: Prisma.TransactionClient,
  userId: string,
  records: ReturnType<typeof toRecord>[],
  onConflict: OnConflict,
): Promise<{ id: string; inserted: boolean }[]> {
  const conflict =
    onConflict === "update"
      ? `DO UPDATE SET pending_transaction_id = EXCLUDED.pending_transaction_id, amount = EXCLUDED.amount,
           currency = EXCLUDED.currency, direction = EXCLUDED.direction, description = EXCLUDED.description,
           transaction_date = EXCLUDED.transaction_date, posted_date = EXCLUDED.posted_date, status = EXCLUDED.status,
           metadata = COALESCE(transactions.metadata, '{}'::jsonb) || COALESCE(EXCLUDED.metadata, '{}'::jsonb),
           updated_at = now()`
      : "DO NOTHING";
  // The text is fixed (no user input in it); every value is inside the bound JSON parameter.
  return tx.$queryRawUnsafe<{ id: string; inserted: boolean }[]>(
    `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, pending_transaction_id, amount,
                               currency, direction, merchant_name, description, transaction_date, posted_date,
                               status, metadata, import_batch_id, created_at, updated_at, merchant_key, category,
                               category_detailed, category_confidence, category_source, tags)
     SELECT u.id, $1::uuid, u.account, u.key, u."pendingId", u.amount::numeric(15, 2), u.currency,
            u.direction::"Direction", u.merchant, u.description, u.day, u.posted, u.status::"TransactionStatus",
            u.metadata, u.batch, now(), now(), u."merchantKey", u.category, u.detailed, u.confidence::numeric(3, 2),
            u.source::"CategorySource", u.tags
       FROM json_to_recordset($2::json)
            AS u(id uuid, account uuid, key text, "pendingId" text, amount text, currency text, direction text,
                 merchant text, description text, day date, posted date, status text, metadata jsonb, batch uuid,
                 "merchantKey" text, category text, detailed text, confidence text, source text, tags text[])
     ON CONFLICT (account_id, provider_transaction_id) ${conflict}
     RETURNING id::text, (xmax = 0) AS inserted`,
    userId,
    JSON.stringify(records),
  );
}

/**
 * Writes `rows` for `userId`: `inserted` are the ids of rows that did not exist before (of which
 * `uncategorized` came without the categorizer's answer), `updated` those of existing rows the
 * bank's version replaced ("update" only; "ignore" leaves them out) — their category stays. With
 * "update", the same (account, provider id) must not appear twice in `rows` (Postgres cannot
 * update one row twice in one statement); with "ignore", a repeat is simply skipped.
 */
export async function upsertTransactions(
  tx: Prisma.TransactionClient,
  userId: string,
  rows: readonly NewTransaction[],
  onConflict: OnConflict,
): Promise<{ inserted: string[]; uncategorized: string[]; updated: string[] }> {
  const inserted: string[] = [];
  const uncategorized: string[] = [];
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const records = rows.slice(i, i + ROWS_PER_STATEMENT).map(toRecord);
    const waiting = new Set<string>(records.flatMap((r, j) => (rows[i + j]!.categorized ? [] : [r.id])));
    for (const row of await writeChunk(tx, userId, records, onConflict)) {
      (row.inserted ? inserted : updated).push(row.id);
      if (row.inserted && waiting.has(row.id)) uncategorized.push(row.id);
    }
  }
  return { inserted, uncategorized, updated };
}
