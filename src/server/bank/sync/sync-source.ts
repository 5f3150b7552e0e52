/**
 * What the sync needs from a bank provider, in our own terms (signed decimal amounts, negative =
 * money out; calendar dates). Plaid's provider satisfies it; so can Tink, GoCardless or SimpleFIN
 * later without touching the sync.
 */
import type { AccountType } from "~/server/db/generated/enums";
import { AppError } from "~/server/errors";

export type SyncedAccount = {
  providerAccountId: string;
  name: string;
  officialName: string | null;
  mask: string | null;
  type: AccountType;
  currency: string;
  currentBalance: string | null;
  availableBalance: string | null;
};

export type SyncedTransaction = {
  providerTransactionId: string;
  providerAccountId: string;
  /** On a posted transaction: the id of the pending one it replaces. */
  pendingTransactionId: string | null;
  amount: string;
  currency: string;
  date: string;
  postedDate: string | null;
  description: string;
  merchantName: string | null;
  pending: boolean;
  category: { primary: string; detailed: string | null; confidenceLevel: string | null } | null;
};

export type SyncPage = {
  added: SyncedTransaction[];
  modified: SyncedTransaction[];
  removed: string[];
  nextCursor: string;
  hasMore: boolean;
};

export interface SyncSource {
  getAccounts(accessToken: string): Promise<SyncedAccount[]>;
  syncTransactions(accessToken: string, cursor: string | null, count: number): Promise<SyncPage>;
}

/** How a provider failure should be handled; the provider classifies its own errors. */
export type SyncFailureKind = "retry" | "restart-pagination" | "reauth" | "fatal";

/** An AppError, so a router or route answers it as "the bank is unavailable" like any other failure. */
export class ProviderError extends AppError {
  constructor(
    readonly kind: SyncFailureKind,
    readonly providerCode: string,
    message: string,
  ) {
    super("UPSTREAM_UNAVAILABLE", message, { providerCode });
    this.name = "ProviderError";
  }
}
