/**
 * One item's transactions and the log of every change to them — what `/transactions/sync`
 * pages through. A cursor is a position in the log; the updates since a position are the net
 * effect of the log entries after it (added then removed = nothing; existing then changed =
 * modified), which is exactly the contract Plaid documents for the sync endpoint.
 */
import type { StatementLine } from "../generate/merchant";

export interface LedgerTransaction extends StatementLine {
  transactionId: string;
  accountId: string;
  /** Plaid's sign: positive is money leaving the account. */
  amountCents: number;
  /** Posted date, or the authorization date while pending. */
  date: string;
  authorizedDate: string;
  pending: boolean;
  pendingTransactionId: string | null;
}

export type ChangeKind = "added" | "modified" | "removed";

export interface Change {
  kind: ChangeKind;
  transactionId: string;
  accountId: string;
}

export class Ledger {
  private readonly current = new Map<string, LedgerTransaction>();
  /** Log position at which each id (live or removed) first appeared. */
  private readonly createdAt = new Map<string, number>();
  private readonly removedFrom = new Map<string, string>();
  private readonly log: string[] = [];
  private readonly postedCents = new Map<string, number>();
  private readonly pendingCents = new Map<string, number>();
  private cached: { from: number; to: number; changes: Change[] } | null = null;

  /** The log position after the latest change. */
  get head(): number {
    return this.log.length;
  }

  get size(): number {
    return this.current.size;
  }

  get(transactionId: string): LedgerTransaction | undefined {
    return this.current.get(transactionId);
  }

  values(): IterableIterator<LedgerTransaction> {
    return this.current.values();
  }

  add(transaction: LedgerTransaction): void {
    if (this.createdAt.has(transaction.transactionId)) {
      throw new Error(`transaction ${transaction.transactionId} already exists`);
    }
    this.current.set(transaction.transactionId, transaction);
    this.createdAt.set(transaction.transactionId, this.log.length);
    this.count(transaction, 1);
    this.log.push(transaction.transactionId);
  }

  modify(
    transactionId: string,
    patch: Partial<Omit<LedgerTransaction, "transactionId" | "accountId">>,
  ): LedgerTransaction {
    const before = this.require(transactionId);
    const after = { ...before, ...patch };
    this.count(before, -1);
    this.count(after, 1);
    this.current.set(transactionId, after);
    this.log.push(transactionId);
    return after;
  }

  remove(transactionId: string): LedgerTransaction {
    const before = this.require(transactionId);
    this.count(before, -1);
    this.current.delete(transactionId);
    this.removedFrom.set(transactionId, before.accountId);
    this.log.push(transactionId);
    return before;
  }

  /** Plaid-signed sums per account: what has posted and what is still pending. */
  totals(accountId: string): { postedCents: number; pendingCents: number } {
    return { postedCents: this.postedCents.get(accountId) ?? 0, pendingCents: this.pendingCents.get(accountId) ?? 0 };
  }

  /**
   * Net updates between two log positions, in log order. `to` must be the head: the state at
   * `to` is read from the live map. Cached, because a client pages through one range many times.
   */
  changesBetween(from: number, to: number): Change[] {
    if (to !== this.head) throw new RangeError("changes can only be computed up to the current head");
    if (this.cached && this.cached.from === from && this.cached.to === to) return this.cached.changes;
    const seen = new Set<string>();
    const changes: Change[] = [];
    for (let position = from; position < to; position++) {
      const id = this.log[position]!;
      if (seen.has(id)) continue;
      seen.add(id);
      const existedBefore = this.createdAt.get(id)! < from;
      const live = this.current.get(id);
      if (live)
        changes.push({ kind: existedBefore ? "modified" : "added", transactionId: id, accountId: live.accountId });
      else if (existedBefore)
        changes.push({ kind: "removed", transactionId: id, accountId: this.removedFrom.get(id)! });
    }
    this.cached = { from, to, changes };
    return changes;
  }

  private require(transactionId: string): LedgerTransaction {
    const transaction = this.current.get(transactionId);
    if (!transaction) throw new RangeError(`no transaction ${transactionId}`);
    return transaction;
  }

  private count(transaction: LedgerTransaction, direction: 1 | -1): void {
    const totals = transaction.pending ? this.pendingCents : this.postedCents;
    totals.set(transaction.accountId, (totals.get(transaction.accountId) ?? 0) + direction * transaction.amountCents);
  }
}
