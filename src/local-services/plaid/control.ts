/**
 * Test and demo controls: not part of Plaid's API. They move an Item's clock, change its
 * transactions, break its login and inject errors — each change is announced by webhook, as
 * Plaid would announce it.
 */
import type { InjectableError } from "./plaid-error";
import type { PostedPair } from "./state/local-item";
import type { LocalPlaidState } from "./state/local-plaid-state";
import type { FireableWebhookCode, ItemWebhooks } from "./webhooks/item-webhooks";
import type { WebhookDelivery, WebhookSender } from "./webhooks/webhook-sender";

export interface ItemSummary {
  itemId: string;
  institutionId: string;
  today: string;
  transactions: number;
  webhook: string | null;
  loginRequired: boolean;
}

export interface LocalPlaidControl {
  items(): ItemSummary[];
  /** Moves the Item's clock forward: new days bring new transactions, due authorizations post. */
  advanceTime(itemId: string, days: number): { added: string[]; posted: PostedPair[] };
  /** New everyday purchases dated the Item's today; posted unless `pending`. */
  addTransactions(itemId: string, options: { count: number; pending?: boolean }): string[];
  modifyTransactions(itemId: string, count: number): string[];
  removeTransactions(itemId: string, count: number): string[];
  /** Posts every pending transaction: each is removed and replaced by a posted one with a new id. */
  postPending(itemId: string): PostedPair[];
  /** The next `times` matching calls fail with this error. */
  injectError(injection: { code: InjectableError; times?: number; path?: string; itemId?: string }): void;
  clearErrors(): void;
  requireLogin(itemId: string): void;
  repairLogin(itemId: string): void;
  setWebhook(itemId: string, url: string | null): void;
  fireWebhook(itemId: string, code: FireableWebhookCode): Promise<WebhookDelivery | null>;
  webhookDeliveries(): WebhookDelivery[];
  /** Waits until every webhook sent so far has been delivered (or failed). */
  settleWebhooks(): Promise<void>;
}

export function createControl(
  state: LocalPlaidState,
  webhooks: ItemWebhooks,
  sender: WebhookSender,
): LocalPlaidControl {
  const changing = <T>(itemId: string, change: (item: ReturnType<typeof state.requireItem>) => T): T => {
    const item = state.requireItem(itemId);
    const result = change(item);
    void webhooks.changed(item);
    return result;
  };
  const setLogin = (itemId: string, required: boolean) => {
    const item = state.requireItem(itemId);
    item.loginRequired = required;
    void webhooks.loginChanged(item);
  };
  return {
    items: () =>
      [...state.items.values()].map((item) => ({
        itemId: item.itemId,
        institutionId: item.institution.institution_id,
        today: item.today,
        transactions: item.ledger.size,
        webhook: item.webhook,
        loginRequired: item.loginRequired,
      })),
    advanceTime: (itemId, days) => changing(itemId, (item) => item.advance(days)),
    addTransactions: (itemId, { count, pending = false }) =>
      changing(itemId, (item) => item.addPurchases(count, pending)),
    modifyTransactions: (itemId, count) => changing(itemId, (item) => item.modifySome(count)),
    removeTransactions: (itemId, count) => changing(itemId, (item) => item.removeSome(count)),
    postPending: (itemId) => changing(itemId, (item) => item.postAllPending()),
    injectError: ({ code, times = 1, path, itemId }) => state.inject({ code, remaining: times, path, itemId }),
    clearErrors: () => state.clearInjections(),
    requireLogin: (itemId) => setLogin(itemId, true),
    repairLogin: (itemId) => setLogin(itemId, false),
    setWebhook: (itemId, url) => {
      state.requireItem(itemId).webhook = url;
    },
    fireWebhook: async (itemId, code) => webhooks.fire(state.requireItem(itemId), code),
    webhookDeliveries: () => [...sender.deliveries],
    settleWebhooks: () => sender.settle(),
  };
}
