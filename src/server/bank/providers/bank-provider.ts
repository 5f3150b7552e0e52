/**
 * A bank-data provider, in our own terms. The sync reads through `SyncSource` (accounts and a
 * cursor-paged change feed); linking and disconnecting are the rest. Plaid implements it today;
 * Tink, GoCardless or SimpleFIN can later, each translating its own shapes and errors:
 * amounts are signed decimal strings (negative = money out), dates are calendar days, and
 * failures are `ProviderError`s classified for the sync (retry / restart-pagination / reauth / fatal).
 */
import type { SyncSource } from "../sync/sync-source";

export type BankProviderName = "plaid";

export interface LinkToken {
  linkToken: string;
  expiresAt: Date;
}

export interface LinkedConnection {
  /** Secret: store only encrypted (src/server/bank/crypto), never log it or send it to a browser. */
  accessToken: string;
  providerItemId: string;
}

export interface ProviderConnection {
  providerItemId: string;
  institutionId: string | null;
  institutionName: string | null;
  /** Set when the provider reports the connection broken; `code` is the provider's own. */
  error: { code: string; message: string; needsReauth: boolean } | null;
}

export interface BankProvider extends SyncSource {
  readonly name: BankProviderName;
  /** A token for the provider's link widget; with `accessToken`, for repairing that connection. */
  createLinkToken(input: { userId: string; accessToken?: string }): Promise<LinkToken>;
  exchangePublicToken(publicToken: string): Promise<LinkedConnection>;
  getConnection(accessToken: string): Promise<ProviderConnection>;
  /** Revokes our access at the provider; the token is useless afterwards. */
  removeConnection(accessToken: string): Promise<void>;
}
