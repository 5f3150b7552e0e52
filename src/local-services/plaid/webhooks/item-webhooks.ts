/**
 * The webhooks an Item's life produces, in Plaid's payload shapes
 * (https://plaid.com/docs/api/products/transactions/#sync_updates_available,
 * https://plaid.com/docs/api/items/#error). An Item without a webhook URL gets none.
 */
import { itemLoginRequired } from "../plaid-error";
import type { LocalItem } from "../state/local-item";
import type { WebhookDelivery, WebhookSender } from "./webhook-sender";

export const FIREABLE_WEBHOOK_CODES = ["SYNC_UPDATES_AVAILABLE", "DEFAULT_UPDATE", "ERROR", "LOGIN_REPAIRED"] as const;
export type FireableWebhookCode = (typeof FIREABLE_WEBHOOK_CODES)[number];

export class ItemWebhooks {
  constructor(
    private readonly sender: WebhookSender,
    /** Send webhooks on their own after changes (as Plaid does), or only when fired explicitly. */
    private readonly automatic: boolean,
  ) {}

  /** After a change to the Item's transactions. */
  changed(item: LocalItem): Promise<WebhookDelivery> | null {
    return this.automatic ? this.fire(item, "SYNC_UPDATES_AVAILABLE") : null;
  }

  /** After the login broke or was repaired. */
  loginChanged(item: LocalItem): Promise<WebhookDelivery> | null {
    return this.automatic ? this.fire(item, item.loginRequired ? "ERROR" : "LOGIN_REPAIRED") : null;
  }

  fire(item: LocalItem, code: FireableWebhookCode): Promise<WebhookDelivery> | null {
    if (!item.webhook) return null;
    const base = { item_id: item.itemId, environment: "sandbox" };
    switch (code) {
      case "SYNC_UPDATES_AVAILABLE":
        return this.sender.send(item.webhook, {
          webhook_type: "TRANSACTIONS",
          webhook_code: code,
          ...base,
          initial_update_complete: true,
          historical_update_complete: true,
        });
      case "DEFAULT_UPDATE":
        return this.sender.send(item.webhook, {
          webhook_type: "TRANSACTIONS",
          webhook_code: code,
          ...base,
          new_transactions: 0,
          error: null,
        });
      case "ERROR": {
        const { request_id: _, ...error } = itemLoginRequired().toBody("");
        return this.sender.send(item.webhook, { webhook_type: "ITEM", webhook_code: code, ...base, error });
      }
      case "LOGIN_REPAIRED":
        return this.sender.send(item.webhook, { webhook_type: "ITEM", webhook_code: code, ...base });
    }
  }
}
