/**
 * When each user's daily insights are made: at INSIGHTS_LOCAL_HOUR in their own time zone, so
 * they are waiting in the morning. An hourly fan-out asks who is due; the job id names the user
 * and their local day, so a repeated fan-out queues nobody twice.
 */
import type { Db } from "~/server/db";
import { todayIn } from "~/server/time/calendar";

export const INSIGHTS_LOCAL_HOUR = 6;

export async function usersDueForInsights(db: Db, now = new Date()): Promise<{ userId: string; jobId: string }[]> {
  const rows = await db.$queryRaw<{ id: string; timezone: string }[]>`
    SELECT u.id::text, u.timezone FROM users u
     WHERE u.deleted_at IS NULL
       AND EXTRACT(HOUR FROM ${now}::timestamptz AT TIME ZONE u.timezone) = ${INSIGHTS_LOCAL_HOUR}`;
  return rows.map((u) => ({ userId: u.id, jobId: `insights-${u.id}-${todayIn(u.timezone, now)}` }));
}
