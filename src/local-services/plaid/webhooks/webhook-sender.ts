/**
 * Delivers webhooks to an Item's webhook URL, signed, and remembers each delivery so tests and
 * the demo can see what was sent. Deliveries run in the background; `settle()` waits for them.
 */
import type { WebhookSigner } from "./webhook-signer";

export interface WebhookPayload {
  webhook_type: string;
  webhook_code: string;
  item_id: string;
  [field: string]: unknown;
}

export interface WebhookDelivery {
  url: string;
  body: string;
  webhookType: string;
  webhookCode: string;
  itemId: string;
  status: number | null;
  error: string | null;
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<WebhookDelivery>>();

  constructor(private readonly signer: WebhookSigner) {}

  /** Plaid sends pretty-printed JSON; the signature covers these exact bytes, not a re-serialization. */
  send(url: string, payload: WebhookPayload): Promise<WebhookDelivery> {
    const delivery = this.deliver(url, JSON.stringify(payload, null, 2), payload);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
    return delivery;
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async deliver(url: string, body: string, payload: WebhookPayload): Promise<WebhookDelivery> {
    const delivery: WebhookDelivery = {
      url,
      body,
      webhookType: payload.webhook_type,
      webhookCode: payload.webhook_code,
      itemId: payload.item_id,
      status: null,
      error: null,
    };
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Plaid-Verification": await this.signer.sign(body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.deliveries.push(delivery);
    return delivery;
  }
}
