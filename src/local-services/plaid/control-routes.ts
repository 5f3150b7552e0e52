/**
 * The controls over HTTP, for processes that cannot hold the server object (the demo, e2e):
 * `POST /__control/<action>` with a JSON body, `GET /__control/items`, `GET /__control/webhooks`.
 */
import { z } from "zod";
import type { LocalPlaidControl } from "./control";
import { INJECTABLE_ERROR_CODES } from "./plaid-error";
import { FIREABLE_WEBHOOK_CODES } from "./webhooks/item-webhooks";

const itemId = z.string().min(1);
const count = z.number().int().min(1).max(100_000);

type Action = { schema: z.ZodType; run(control: LocalPlaidControl, input: never): unknown };
const action = <S extends z.ZodType>(
  schema: S,
  run: (control: LocalPlaidControl, input: z.infer<S>) => unknown,
): Action => ({
  schema,
  run: run as Action["run"],
});

export const CONTROL_ACTIONS: Record<string, Action> = {
  "advance-time": action(z.object({ item_id: itemId, days: z.number().int().min(1).max(3650) }), (c, i) =>
    c.advanceTime(i.item_id, i.days),
  ),
  "add-transactions": action(z.object({ item_id: itemId, count, pending: z.boolean().optional() }), (c, i) => ({
    added: c.addTransactions(i.item_id, { count: i.count, pending: i.pending }),
  })),
  "modify-transactions": action(z.object({ item_id: itemId, count }), (c, i) => ({
    modified: c.modifyTransactions(i.item_id, i.count),
  })),
  "remove-transactions": action(z.object({ item_id: itemId, count }), (c, i) => ({
    removed: c.removeTransactions(i.item_id, i.count),
  })),
  "post-pending": action(z.object({ item_id: itemId }), (c, i) => ({ posted: c.postPending(i.item_id) })),
  "inject-error": action(
    z.object({
      code: z.enum(INJECTABLE_ERROR_CODES),
      times: z.number().int().min(1).optional(),
      path: z.string().startsWith("/").optional(),
      item_id: itemId.optional(),
    }),
    (c, i) => c.injectError({ code: i.code, times: i.times, path: i.path, itemId: i.item_id }),
  ),
  "clear-errors": action(z.object({}), (c) => c.clearErrors()),
  "require-login": action(z.object({ item_id: itemId }), (c, i) => c.requireLogin(i.item_id)),
  "repair-login": action(z.object({ item_id: itemId }), (c, i) => c.repairLogin(i.item_id)),
  "set-webhook": action(z.object({ item_id: itemId, url: z.url().nullable() }), (c, i) =>
    c.setWebhook(i.item_id, i.url),
  ),
  "fire-webhook": action(z.object({ item_id: itemId, code: z.enum(FIREABLE_WEBHOOK_CODES) }), (c, i) =>
    c.fireWebhook(i.item_id, i.code),
  ),
  items: action(z.object({}), (c) => ({ items: c.items() })),
  webhooks: action(z.object({}), (c) => ({ deliveries: c.webhookDeliveries() })),
};
