/**
 * What a verified Plaid webhook asks of us (https://plaid.com/docs/api/webhooks/). With
 * /transactions/sync, SYNC_UPDATES_AVAILABLE is the signal; the older transaction webhooks
 * still arrive and mean the same, and a duplicate sync request is harmless (jobs are deduplicated).
 */
import { classifyPlaidError } from "./map-plaid-error";
import type { PlaidWebhook } from "./verify-webhook";

export type PlaidWebhookEvent =
  | { kind: "sync-available"; itemId: string }
  | { kind: "reauth-required"; itemId: string; code: string }
  | { kind: "login-repaired"; itemId: string }
  | { kind: "access-revoked"; itemId: string; code: string }
  | { kind: "ignored"; reason: string };

const TRANSACTION_UPDATES = new Set([
  "SYNC_UPDATES_AVAILABLE",
  "DEFAULT_UPDATE",
  "INITIAL_UPDATE",
  "HISTORICAL_UPDATE",
  "TRANSACTIONS_REMOVED",
]);

export function interpretPlaidWebhook(webhook: PlaidWebhook): PlaidWebhookEvent {
  const { webhook_type: type, webhook_code: code, item_id: itemId } = webhook;
  if (!itemId) return { kind: "ignored", reason: `${type}.${code} names no item` };
  if (type === "TRANSACTIONS" && TRANSACTION_UPDATES.has(code)) return { kind: "sync-available", itemId };
  if (type !== "ITEM") return { kind: "ignored", reason: `${type}.${code} is not handled` };
  switch (code) {
    case "ERROR": {
      const error = webhook.error;
      if (error && classifyPlaidError(error.error_type, error.error_code, null) === "reauth") {
        return { kind: "reauth-required", itemId, code: error.error_code };
      }
      return { kind: "ignored", reason: `ITEM.ERROR ${error?.error_code ?? "without error"}` };
    }
    case "PENDING_EXPIRATION":
    case "PENDING_DISCONNECT":
      return { kind: "reauth-required", itemId, code };
    case "LOGIN_REPAIRED":
      return { kind: "login-repaired", itemId };
    case "USER_PERMISSION_REVOKED":
    case "USER_ACCOUNT_REVOKED":
      return { kind: "access-revoked", itemId, code };
    default:
      return { kind: "ignored", reason: `ITEM.${code} is not handled` };
  }
}
