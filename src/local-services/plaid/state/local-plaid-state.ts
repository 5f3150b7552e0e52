/**
 * Everything the local server remembers, in memory: tokens, Items, and the errors a test asked
 * it to inject. Ids derive from the seed (so histories are reproducible); tokens are random,
 * because they stand for secrets.
 */
import { randomUUID } from "node:crypto";
import { createRandom, type Random } from "../generate/random";
import type { LocalInstitution } from "../institutions";
import {
  INJECTABLE_ERRORS,
  invalidAccessToken,
  invalidPublicToken,
  itemNotFound,
  type InjectableError,
  type PlaidHttpError,
} from "../plaid-error";
import { LocalItem, plaidId } from "./local-item";

export interface ErrorInjection {
  code: InjectableError;
  /** How many more matching calls fail. */
  remaining: number;
  /** Only calls to this path ("/transactions/sync"); every path when absent. */
  path?: string;
  /** Only calls for this Item; any call when absent. */
  itemId?: string;
}

const PUBLIC_TOKEN_TTL_MS = 30 * 60 * 1000;

export class LocalPlaidState {
  readonly items = new Map<string, LocalItem>();
  private readonly accessTokens = new Map<string, string>();
  private readonly publicTokens = new Map<string, { itemId: string; expiresAt: number }>();
  private readonly removed = new Set<string>();
  private injections: ErrorInjection[] = [];
  private readonly itemIds: Random;

  constructor(
    readonly seed: string,
    readonly today: string,
    private readonly historyDays: number | undefined,
  ) {
    this.itemIds = createRandom(`${seed}/items`);
  }

  createItem(
    institution: LocalInstitution,
    webhook: string | null,
    historyDays = this.historyDays,
  ): { item: LocalItem; publicToken: string } {
    const item = new LocalItem(plaidId(this.itemIds), institution, {
      seed: this.seed,
      today: this.today,
      webhook,
      historyDays,
    });
    this.items.set(item.itemId, item);
    const publicToken = `public-sandbox-${randomUUID()}`;
    this.publicTokens.set(publicToken, { itemId: item.itemId, expiresAt: Date.now() + PUBLIC_TOKEN_TTL_MS });
    return { item, publicToken };
  }

  /** A public token is good once, for 30 minutes, as with Plaid. */
  exchange(publicToken: string): { accessToken: string; item: LocalItem } {
    const entry = this.publicTokens.get(publicToken);
    this.publicTokens.delete(publicToken);
    const item = entry && entry.expiresAt > Date.now() ? this.items.get(entry.itemId) : undefined;
    if (!item) throw invalidPublicToken();
    const accessToken = `access-sandbox-${randomUUID()}`;
    this.accessTokens.set(accessToken, item.itemId);
    return { accessToken, item };
  }

  itemFor(accessToken: string): LocalItem {
    const itemId = this.accessTokens.get(accessToken);
    if (!itemId) throw this.removed.has(accessToken) ? itemNotFound() : invalidAccessToken();
    return this.items.get(itemId)!;
  }

  removeItem(accessToken: string): void {
    const item = this.itemFor(accessToken);
    this.items.delete(item.itemId);
    for (const [token, itemId] of this.accessTokens) {
      if (itemId !== item.itemId) continue;
      this.accessTokens.delete(token);
      this.removed.add(token);
    }
  }

  requireItem(itemId: string): LocalItem {
    const item = this.items.get(itemId);
    if (!item) throw new RangeError(`no item ${itemId}`);
    return item;
  }

  inject(injection: ErrorInjection): void {
    this.injections.push({ ...injection });
  }

  clearInjections(): void {
    this.injections = [];
  }

  /** The injected error this call must fail with, if any; each match uses up one call. */
  takeInjectedError(path: string, itemId: string | null): PlaidHttpError | null {
    const injection = this.injections.find(
      (i) =>
        (!i.path || i.path === path) &&
        (!i.itemId || i.itemId === itemId) &&
        canHappen(i.code, path, itemId) &&
        i.remaining > 0,
    );
    if (!injection) return null;
    injection.remaining--;
    this.injections = this.injections.filter((i) => i.remaining > 0);
    return INJECTABLE_ERRORS[injection.code](path);
  }
}

/** An Item error needs an Item; a pagination error needs a sync. */
function canHappen(code: InjectableError, path: string, itemId: string | null): boolean {
  if (code === "ITEM_LOGIN_REQUIRED") return itemId !== null && path !== "/item/remove";
  if (code === "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION") return path === "/transactions/sync";
  return true;
}
