/**
 * The one write path of imports. Rows travel as one JSON parameter per chunk and are expanded by
 * jsonb_to_recordset() — one statement for thousands of rows, far fewer round trips and parameter
 * conversions than row-by-row or per-column array parameters. ON CONFLICT DO NOTHING on the
 * (account, provider id) key means a concurrent identical import cannot add a row twice.
 */
import { Prisma } from "~/server/db/generated/client";
import { directionOf } from "~/server/transaction/money";
import type { PlannedRow } from "./plan-import";

const CHUNK = 20_000;
const MERCHANT_MAX = 255;

export async function insertTransactions(
  tx: Prisma.TransactionClient,
  owner: { userId: string; accountId: string; importBatchId: string },
  rows: readonly PlannedRow[],
): Promise<number> {
  let added = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const payload = JSON.stringify(
      rows.slice(start, start + CHUNK).map((r) => ({
        key: r.key,
        // Prisma.Decimal checks the amount is an exact decimal; it travels as a string, never a float.
        amount: new Prisma.Decimal(r.amount).toFixed(2),
        currency: r.currency,
        direction: directionOf(r.amount),
        merchant: r.payee?.slice(0, MERCHANT_MAX) ?? null,
        description: r.description,
        day: r.date,
        metadata: { ...r.metadata, line: r.line },
      })),
    );
    added += await tx.$executeRaw`
      INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                                merchant_name, description, transaction_date, status, metadata, import_batch_id,
                                created_at, updated_at)
      SELECT gen_random_uuid(), ${owner.userId}::uuid, ${owner.accountId}::uuid, u.key, u.amount::numeric(15, 2),
             u.currency, u.direction::"Direction", u.merchant, u.description, u.day, 'POSTED', u.metadata,
             ${owner.importBatchId}::uuid, now(), now()
        FROM jsonb_to_recordset(${payload}::jsonb)
             AS u(key text, amount text, currency text, direction text, merchant text, description text, day date,
                  metadata jsonb)
      ON CONFLICT (account_id, provider_transaction_id) DO NOTHING`;
  }
  return added;
}
