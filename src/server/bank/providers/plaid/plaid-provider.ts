/**
 * The BankProvider on Plaid: each method is one SDK call (plaid-api.ts) and one pure mapping
 * (transform.ts); every failure leaves as a classified ProviderError (map-plaid-error.ts).
 */
import { CountryCode, Products, type PlaidApi } from "plaid";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import type { SyncPage, SyncedAccount } from "../../sync/sync-source";
import type { BankProvider, LinkToken, LinkedConnection, ProviderConnection } from "../bank-provider";
import { createPlaidApi } from "./plaid-api";
import { classifyPlaidError, toProviderError } from "./map-plaid-error";
import { transformAccount, transformRemoved, transformTransaction } from "./transform";

export interface PlaidProviderOptions {
  /** Where Plaid sends this app's webhooks (…/api/plaid/webhook); none when null. */
  webhookUrl: string | null;
  clientName: string;
  /** Sandbox-only endpoints (creating a public token without Link) are refused in production. */
  environment: "local" | "sandbox" | "production";
}

/** Plaid's /transactions/sync accepts at most 500 updates per page. */
export const MAX_SYNC_PAGE = 500;

async function call<T>(request: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await request()).data;
  } catch (error) {
    throw toProviderError(error);
  }
}

export class PlaidProvider implements BankProvider {
  readonly name = "plaid" as const;

  constructor(
    private readonly api: PlaidApi,
    private readonly options: PlaidProviderOptions,
  ) {}

  async createLinkToken({ userId, accessToken }: { userId: string; accessToken?: string }): Promise<LinkToken> {
    const data = await call(() =>
      this.api.linkTokenCreate({
        client_name: this.options.clientName,
        language: "en",
        country_codes: [CountryCode.Us],
        user: { client_user_id: userId },
        // Update mode (repairing a login) names the Item instead of products.
        ...(accessToken ? { access_token: accessToken } : { products: [Products.Transactions] }),
        ...(this.options.webhookUrl ? { webhook: this.options.webhookUrl } : {}),
        transactions: { days_requested: 730 },
      }),
    );
    return { linkToken: data.link_token, expiresAt: new Date(data.expiration) };
  }

  async exchangePublicToken(publicToken: string): Promise<LinkedConnection> {
    const data = await call(() => this.api.itemPublicTokenExchange({ public_token: publicToken }));
    return { accessToken: data.access_token, providerItemId: data.item_id };
  }

  async getConnection(accessToken: string): Promise<ProviderConnection> {
    const { item } = await call(() => this.api.itemGet({ access_token: accessToken }));
    let institutionName = item.institution_name ?? null;
    if (!institutionName && item.institution_id) {
      const id = item.institution_id;
      const data = await call(() =>
        this.api.institutionsGetById({ institution_id: id, country_codes: [CountryCode.Us] }),
      );
      institutionName = data.institution.name;
    }
    return {
      providerItemId: item.item_id,
      institutionId: item.institution_id ?? null,
      institutionName,
      error: item.error
        ? {
            code: item.error.error_code,
            message: item.error.error_message,
            needsReauth: classifyPlaidError(item.error.error_type, item.error.error_code, null) === "reauth",
          }
        : null,
    };
  }

  async getAccounts(accessToken: string): Promise<SyncedAccount[]> {
    const data = await call(() => this.api.accountsGet({ access_token: accessToken }));
    return data.accounts.map(transformAccount);
  }

  /**
   * One page of changes after `cursor` (null: from the beginning). Keep paging with `nextCursor`
   * while `hasMore`; on a "restart-pagination" ProviderError start again from the first cursor.
   */
  async syncTransactions(accessToken: string, cursor: string | null, count: number): Promise<SyncPage> {
    const data = await call(() =>
      this.api.transactionsSync({
        access_token: accessToken,
        ...(cursor ? { cursor } : {}),
        count: Math.min(Math.max(1, count), MAX_SYNC_PAGE),
      }),
    );
    return {
      added: data.added.map(transformTransaction),
      modified: data.modified.map(transformTransaction),
      removed: data.removed.map(transformRemoved),
      nextCursor: data.next_cursor,
      hasMore: data.has_more,
    };
  }

  async removeConnection(accessToken: string): Promise<void> {
    await call(() => this.api.itemRemove({ access_token: accessToken }));
  }

  /**
   * Local and sandbox only: an Item at `institutionId` without Plaid Link, then the same
   * public-token exchange a real link ends with. The local mode's bank picker uses this.
   */
  async createSandboxPublicToken(institutionId: string): Promise<string> {
    if (this.options.environment === "production") {
      throw new AppError("FORBIDDEN", "Sandbox public tokens do not exist in production");
    }
    const data = await call(() =>
      this.api.sandboxPublicTokenCreate({
        institution_id: institutionId,
        initial_products: [Products.Transactions],
        ...(this.options.webhookUrl ? { options: { webhook: this.options.webhookUrl } } : {}),
      }),
    );
    return data.public_token;
  }

  /** The institutions a local/sandbox picker can offer. */
  async listSandboxInstitutions(): Promise<{ institutionId: string; name: string }[]> {
    const data = await call(() => this.api.institutionsGet({ count: 50, offset: 0, country_codes: [CountryCode.Us] }));
    return data.institutions.map((i) => ({ institutionId: i.institution_id, name: i.name }));
  }
}

let defaultProvider: PlaidProvider | undefined;

/** The app's Plaid provider, configured from the environment. */
export function plaidProvider(): PlaidProvider {
  defaultProvider ??= new PlaidProvider(createPlaidApi(), {
    webhookUrl: env.PLAID_WEBHOOK_URL ?? null,
    clientName: "Money Tracking",
    environment: env.PLAID_ENV,
  });
  return defaultProvider;
}
