/**
 * /transactions/sync (https://plaid.com/docs/api/products/transactions/#transactionssync).
 * The cursor is opaque to clients; inside it is the log position the client has seen and, while
 * it pages, the position the pagination started from and how far it got. If the Item changes
 * between two pages, the next page fails with TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION and
 * the client must restart from the cursor it began with — as with Plaid.
 */
import type { RemovedTransaction, Transaction } from "plaid";
import { z } from "zod";
import { invalidField, mutationDuringPagination } from "../plaid-error";
import { renderAccount, renderTransaction } from "../render";
import type { LocalItem } from "../state/local-item";
import { endpoint, requireItem } from "./endpoint";

interface Position {
  from: number;
  /** The head when this pagination started; null for a cursor at rest. */
  to: number | null;
  offset: number;
}

export function encodeCursor(itemId: string, { from, to, offset }: Position): string {
  const parts = to === null ? [itemId, from] : [itemId, from, to, offset];
  return Buffer.from(parts.join(".")).toString("base64url");
}

function decodeCursor(item: LocalItem, cursor: string): Position {
  const [itemId, ...numbers] = Buffer.from(cursor, "base64url").toString().split(".");
  const [from, to, offset] = numbers.map(Number);
  const valid =
    itemId === item.itemId &&
    (numbers.length === 1 || numbers.length === 3) &&
    numbers.every((n) => /^\d+$/.test(n)) &&
    from! <= item.ledger.head;
  if (!valid) throw invalidField("cursor is invalid for this Item");
  return numbers.length === 1 ? { from: from!, to: null, offset: 0 } : { from: from!, to: to!, offset: offset! };
}

export const transactionsSync = endpoint(
  z.object({
    access_token: z.string().min(1),
    cursor: z.string().optional(),
    count: z.number().int().min(1).max(500).default(100),
    options: z.object({ include_original_description: z.boolean().nullish() }).optional(),
  }),
  (input, context) => {
    const item = requireItem(context);
    const ledger = item.ledger;
    const position = input.cursor ? decodeCursor(item, input.cursor) : { from: 0, to: null, offset: 0 };
    if (position.to !== null && position.to !== ledger.head) throw mutationDuringPagination();
    const to = ledger.head;
    const changes = ledger.changesBetween(position.from, to);
    const end = position.offset + input.count;
    const hasMore = end < changes.length;
    const original = input.options?.include_original_description === true;
    const added: Transaction[] = [];
    const modified: Transaction[] = [];
    const removed: RemovedTransaction[] = [];
    for (const change of changes.slice(position.offset, end)) {
      if (change.kind === "removed")
        removed.push({ transaction_id: change.transactionId, account_id: change.accountId });
      else
        (change.kind === "added" ? added : modified).push(
          renderTransaction(ledger.get(change.transactionId)!, original),
        );
    }
    return {
      accounts: item.accounts.map((a) => renderAccount(item, a)),
      added,
      modified,
      removed,
      next_cursor: encodeCursor(
        item.itemId,
        hasMore ? { from: position.from, to, offset: end } : { from: to, to: null, offset: 0 },
      ),
      has_more: hasMore,
      transactions_update_status: "HISTORICAL_UPDATE_COMPLETE",
    };
  },
);
