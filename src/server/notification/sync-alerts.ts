/**
 * "Your bank connection needs attention." Raised by the bank sync when a sync fails or the bank
 * asks the user to sign in again. One alert per connection, error and day: a connection that
 * keeps failing every six hours does not message the user four times a day.
 */
import type { Db } from "~/server/db";
import { todayIn } from "~/server/time/calendar";
import { raiseNotification } from "./raise-notification";

export type SyncProblem = {
  userId: string;
  connectionId: string;
  institutionName: string | null;
  /** Plaid's error code (ITEM_LOGIN_REQUIRED, INSTITUTION_DOWN, …) or our own. */
  errorCode: string;
  reauthRequired: boolean;
};

export async function raiseSyncProblemAlert(db: Db, problem: SyncProblem, now = new Date()): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: problem.userId }, select: { timezone: true } });
  const bank = problem.institutionName ?? "your bank";
  return raiseNotification(db, {
    userId: problem.userId,
    type: "sync_failed",
    dedupeKey: `sync:${problem.connectionId}:${problem.errorCode}:${todayIn(user.timezone, now)}`,
    title: problem.reauthRequired ? `Sign in to ${bank} again` : `Could not update ${bank}`,
    message: problem.reauthRequired
      ? `${bank} asks you to sign in again before new transactions can be fetched. Open Accounts in the web app to reconnect.`
      : `Fetching new transactions from ${bank} failed (${problem.errorCode}). We will keep trying; nothing is lost.`,
    data: { connectionId: problem.connectionId, errorCode: problem.errorCode },
  });
}
