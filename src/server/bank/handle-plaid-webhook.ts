/**
 * A verified Plaid webhook, acted on: new transactions → a (deduplicated) sync job; a broken
 * login → the connection is marked and the user told; revoked access → disconnected.
 */
import type { Db } from "~/server/db";
import { logger } from "~/server/logger";
import { raiseSyncProblemAlert } from "~/server/notification/sync-alerts";
import { enqueueSync } from "./enqueue-sync";
import { createPlaidApi } from "./providers/plaid/plaid-api";
import { createPlaidWebhookVerifier } from "./providers/plaid/verify-webhook";
import { interpretPlaidWebhook } from "./providers/plaid/webhook-events";

let verifier: ReturnType<typeof createPlaidWebhookVerifier> | undefined;

export async function handlePlaidWebhook(db: Db, body: string, verificationHeader: string | null) {
  verifier ??= createPlaidWebhookVerifier(createPlaidApi());
  const event = interpretPlaidWebhook(await verifier(body, verificationHeader));
  if (event.kind === "ignored") {
    logger.info({ reason: event.reason }, "plaid webhook ignored");
    return event;
  }
  const connection = await db.bankConnection.findFirst({
    where: { provider: "plaid", providerItemId: event.itemId },
    select: { id: true, userId: true, institutionName: true, status: true },
  });
  if (!connection || connection.status === "DISCONNECTED")
    return { kind: "ignored", reason: "unknown or disconnected item" };
  switch (event.kind) {
    case "sync-available":
    case "login-repaired":
      await enqueueSync(connection.id, "webhook");
      break;
    case "reauth-required":
      await db.bankConnection.update({
        where: { id: connection.id },
        data: { status: "REAUTH_REQUIRED", errorCode: event.code },
      });
      await raiseSyncProblemAlert(db, {
        userId: connection.userId,
        connectionId: connection.id,
        institutionName: connection.institutionName,
        errorCode: event.code,
        reauthRequired: true,
      });
      break;
    case "access-revoked":
      await db.bankConnection.update({
        where: { id: connection.id },
        data: { status: "DISCONNECTED", errorCode: event.code },
      });
      break;
  }
  return event;
}
