/**
 * Decides, row by row, what an import adds and what it would duplicate, against what the account
 * already holds. Three kinds of duplicate, in this order:
 *  1. already imported — the same key (FITID or content hash, see transaction-key.ts) exists;
 *  2. repeated in the file — the same FITID twice in one file;
 *  3. matches an existing transaction — from another source (Plaid sync, another file format):
 *     same amount and currency, dates at most MATCH_DAYS apart, similar description. Each existing
 *     transaction matches at most one row, closest date first, so recurring same-price purchases
 *     are not folded into one.
 */
import type { Db } from "~/server/db";
import { type Prisma } from "~/server/db/generated/client";
import { descriptionSimilarity, SIMILAR } from "./description-similarity";
import type { ParsedTransaction } from "./parsed-file";
import { transactionKeys } from "./transaction-key";

export const MATCH_DAYS = 3;
const DAY_MS = 86_400_000;

type Client = Db | Prisma.TransactionClient;

export type Duplicate =
  | { reason: "already-imported"; transactionId: string }
  | { reason: "repeated-in-file"; line: number }
  | {
      reason: "matches-existing";
      transactionId: string;
      existingDate: string;
      existingDescription: string;
      daysApart: number;
    };

export type PlannedRow = ParsedTransaction & { key: string; duplicate: Duplicate | null };

type Existing = {
  id: string;
  key: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
  merchant: string | null;
};

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const shiftDays = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

async function loadExisting(db: Client, userId: string, accountId: string, rows: PlannedRow[]): Promise<Existing[]> {
  if (rows.length === 0) return [];
  const dates = rows.map((r) => r.date).sort();
  const from = shiftDays(dates[0]!, -MATCH_DAYS);
  const to = shiftDays(dates.at(-1)!, MATCH_DAYS);
  // Content keys contain the date, so their rows are inside the window; a bank id may not be.
  const keys = rows.filter((r) => r.externalId).map((r) => r.key);
  // Owner and account on every read.
  return db.$queryRaw<Existing[]>`
    SELECT id::text, provider_transaction_id AS key, to_char(transaction_date, 'YYYY-MM-DD') AS date,
           amount::text AS amount, currency, description, merchant_name AS merchant
      FROM transactions
     WHERE user_id = ${userId}::uuid AND account_id = ${accountId}::uuid
       AND (transaction_date BETWEEN ${from}::date AND ${to}::date OR provider_transaction_id = ANY(${keys}::text[]))`;
}

function matchExisting(rows: PlannedRow[], existing: Existing[], used: Set<string>) {
  const byAmount = new Map<string, Existing[]>();
  for (const e of existing) {
    if (used.has(e.id)) continue;
    const bucket = `${e.amount}|${e.currency.trim()}`;
    const list = byAmount.get(bucket);
    if (list) list.push(e);
    else byAmount.set(bucket, [e]);
  }
  const pairs: { row: PlannedRow; match: Existing; days: number; similarity: number }[] = [];
  for (const row of rows) {
    if (row.duplicate) continue;
    for (const match of byAmount.get(`${row.amount}|${row.currency}`) ?? []) {
      const days = Math.abs(dayNumber(row.date) - dayNumber(match.date));
      if (days > MATCH_DAYS) continue;
      const similarity = Math.max(
        ...[row.description, row.payee ?? ""].flatMap((mine) =>
          [match.description, match.merchant ?? ""].map((theirs) => descriptionSimilarity(mine, theirs)),
        ),
      );
      if (similarity >= SIMILAR) pairs.push({ row, match, days, similarity });
    }
  }
  pairs.sort((a, b) => a.days - b.days || b.similarity - a.similarity || a.row.line - b.row.line);
  for (const { row, match, days } of pairs) {
    if (row.duplicate || used.has(match.id)) continue;
    used.add(match.id);
    row.duplicate = {
      reason: "matches-existing",
      transactionId: match.id,
      existingDate: match.date,
      existingDescription: match.description,
      daysApart: days,
    };
  }
}

export async function planImport(
  db: Client,
  userId: string,
  accountId: string,
  transactions: readonly ParsedTransaction[],
): Promise<PlannedRow[]> {
  const keys = transactionKeys(accountId, transactions);
  const rows: PlannedRow[] = transactions.map((t, i) => ({ ...t, key: keys[i]!, duplicate: null }));
  const existing = await loadExisting(db, userId, accountId, rows);
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const used = new Set<string>();
  const firstLineOfKey = new Map<string, number>();
  for (const row of rows) {
    const known = byKey.get(row.key);
    if (known) {
      row.duplicate = { reason: "already-imported", transactionId: known.id };
      used.add(known.id);
    } else if (firstLineOfKey.has(row.key)) {
      row.duplicate = { reason: "repeated-in-file", line: firstLineOfKey.get(row.key)! };
    } else {
      firstLineOfKey.set(row.key, row.line);
    }
  }
  matchExisting(rows, existing, used);
  return rows;
}
