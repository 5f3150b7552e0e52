import type { z } from "zod";
import type { LocalPlaidState } from "../state/local-plaid-state";
import type { LocalItem } from "../state/local-item";
import type { ItemWebhooks } from "../webhooks/item-webhooks";
import type { WebhookSigner } from "../webhooks/webhook-signer";

export interface EndpointContext {
  state: LocalPlaidState;
  webhooks: ItemWebhooks;
  signer: WebhookSigner;
  /** The Item named by the request's access_token, when it has one. */
  item: LocalItem | null;
}

export interface Endpoint {
  schema: z.ZodType;
  handle(input: never, context: EndpointContext): object | Promise<object>;
}

/** Ties a request schema to its handler, so the handler's input is typed by the schema. */
export function endpoint<S extends z.ZodType>(
  schema: S,
  handle: (input: z.infer<S>, context: EndpointContext) => object | Promise<object>,
): Endpoint {
  return { schema, handle: handle as Endpoint["handle"] };
}

export function requireItem(context: EndpointContext): LocalItem {
  if (!context.item) throw new Error("endpoint needs an access_token");
  return context.item;
}
