import type { Db } from "~/server/db";
import { monthOf, todayIn } from "~/server/time/calendar";

/** The current month as the user lives it, in their time zone. */
export async function thisMonthFor(db: Db, userId: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timezone: true } });
  return monthOf(todayIn(user.timezone, now));
}
