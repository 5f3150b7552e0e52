/**
 * The key that makes re-importing a file add nothing: the bank's own id when the file has one (OFX
 * FITID, a CSV id column), otherwise a hash of what the row says — account, day, amount, description
 * — plus its occurrence among identical rows, so two identical coffees on one day stay two rows, and
 * the same two rows in a later, longer export get the same two keys.
 */
import { hash as digest } from "node:crypto";
import type { ParsedTransaction } from "./parsed-file";

const MAX_KEY = 255; // transactions.provider_transaction_id is VARCHAR(255)

function hash(parts: readonly string[]): string {
  return digest("sha256", parts.join("\u0000"), "hex");
}

export function normalizeDescription(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function transactionKeys(accountId: string, rows: readonly ParsedTransaction[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (row.externalId) return row.externalId.length <= MAX_KEY ? row.externalId : `fitid:${hash([row.externalId])}`;
    const content = [accountId, row.date, row.amount, normalizeDescription(row.description)];
    const identity = content.join("\u0000");
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return `content:${hash([...content, String(occurrence)])}`;
  });
}
