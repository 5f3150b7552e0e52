/**
 * The one write path of imports: many rows per statement through unnest() of column arrays (one
 * parameter per column, whatever the number of rows), and ON CONFLICT DO NOTHING on the
 * (account, provider id) key so a concurrent identical import cannot add a row twice.
 */
import { Prisma } from "~/server/db/generated/client";
import { directionOf } from "~/server/transaction/money";
import type { PlannedRow } from "./plan-import";

const CHUNK = 10_000;
const MERCHANT_MAX = 255;

export async function insertTransactions(
  tx: Prisma.TransactionClient,
  owner: { userId: string; accountId: string; importBatchId: string },
  rows: readonly PlannedRow[],
): Promise<number> {
  let added = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const keys = chunk.map((r) => r.key);
    // Prisma.Decimal checks each amount is an exact decimal; it travels to Postgres as text.
    const amounts = chunk.map((r) => new Prisma.Decimal(r.amount).toFixed(2));
    const directions = chunk.map((r) => directionOf(r.amount));
    const currencies = chunk.map((r) => r.currency);
    const merchants = chunk.map((r) => r.payee?.slice(0, MERCHANT_MAX) ?? null);
    const descriptions = chunk.map((r) => r.description);
    const dates = chunk.map((r) => r.date);
    const metadata = chunk.map((r) =>
      r.metadata ? JSON.stringify({ ...r.metadata, line: r.line }) : JSON.stringify({ line: r.line }),
    );
    added += await tx.$executeRaw`
      INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                                merchant_name, description, transaction_date, status, metadata, import_batch_id,
                                created_at, updated_at)
      SELECT gen_random_uuid(), ${owner.userId}::uuid, ${owner.accountId}::uuid, u.key, u.amount, u.currency,
             u.direction::"Direction", u.merchant, u.description, u.day, 'POSTED', u.metadata::jsonb,
             ${owner.importBatchId}::uuid, now(), now()
        FROM unnest(${keys}::text[], ${amounts}::numeric[], ${currencies}::text[], ${directions}::text[],
                    ${merchants}::text[], ${descriptions}::text[], ${dates}::date[], ${metadata}::text[])
             AS u(key, amount, currency, direction, merchant, description, day, metadata)
      ON CONFLICT (account_id, provider_transaction_id) DO NOTHING`;
  }
  return added;
}
