/**
 * What account deletion needs from other domains, wired once: the bank domain's own disconnect
 * (which removes the Item at the provider) for every live connection, and the queue cleanup.
 */
import { disconnectBank } from "~/server/bank/connections";
import type { Db } from "~/server/db";
import type { AccountDeletionDeps } from "./account-deletion";
import { removeQueuedJobs } from "./remove-queued-jobs";

export function accountDeletionDeps(db: Db): AccountDeletionDeps {
  return {
    async removeBankItems(userId) {
      const live = await db.bankConnection.findMany({
        where: { userId, status: { not: "DISCONNECTED" } },
        select: { id: true },
      });
      for (const { id } of live) await disconnectBank(db, userId, { connectionId: id, keepHistory: true }, null);
    },
    removeQueuedJobs,
  };
}
