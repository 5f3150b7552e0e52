import { handlePlaidWebhook } from "~/server/bank/handle-plaid-webhook";
import { db } from "~/server/db";
import { handleRoute } from "~/server/security/route-response";

export const dynamic = "force-dynamic";

/** Plaid's signed webhooks; the body is verified exactly as received, so it is read as text. */
export const POST = handleRoute(async (request) => {
  const event = await handlePlaidWebhook(db, await request.text(), request.headers.get("plaid-verification"));
  return Response.json({ received: true, action: event.kind });
});
