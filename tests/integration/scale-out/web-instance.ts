/**
 * One web instance for the scale-out test, as its own process: receives the same events the
 * other instance receives (Plaid retries webhooks, users press "sync now" twice, an alert is
 * raised on both), through the same services the route handlers call.
 * Usage: tsx web-instance.ts '<json {connectionIds, userIds}>'
 */
import { z } from "zod";
import { enqueueSync } from "~/server/bank/enqueue-sync";
import { db } from "~/server/db";
import { raiseNotification } from "~/server/notification/raise-notification";
import { closeQueues } from "~/server/queue/producers";

const input = z
  .object({ connectionIds: z.array(z.uuid()), userIds: z.array(z.uuid()) })
  .parse(JSON.parse(process.argv[2]!));

await Promise.all([
  ...input.connectionIds.flatMap((id) => [enqueueSync(id, "webhook"), enqueueSync(id, "manual")]),
  ...input.userIds.map((userId) =>
    raiseNotification(db, {
      userId,
      type: "large_transaction",
      dedupeKey: "scale-out:shared-event",
      title: "Large transaction",
      message: "The same event, seen by both web instances",
    }),
  ),
]);
await closeQueues();
await db.$disconnect();
console.log("web instance done");
// The shared Redis connection would keep the process alive; a web instance is simply stopped.
process.exit(0);
