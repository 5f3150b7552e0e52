import { handlePlaidWebhook } from "~/server/bank/handle-plaid-webhook";
import { db } from "~/server/db";
import { clientIp } from "~/server/security/client-info";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { handleRoute } from "~/server/security/route-response";

export const dynamic = "force-dynamic";

/**
 * Plaid's signed webhooks; the body is verified exactly as received, so it is read as text.
 * Limited per address before verifying, since verification may fetch a key from Plaid.
 */
export const POST = handleRoute(async (request) => {
  await consumeRateLimit("webhook", clientIp(request.headers) ?? "unknown");
  const event = await handlePlaidWebhook(db, await request.text(), request.headers.get("plaid-verification"));
  return Response.json({ received: true, action: event.kind });
});
