import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";
import { todayIn } from "~/server/time/calendar";

export type UserContext = { userId: string; timezone: string; locale: string; currency: string; today: string };

/** Who is asking and what day it is where they are: every analytics answer is relative to it. */
export async function userContext(db: Db, userId: string, now = new Date()): Promise<UserContext> {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { timezone: true, locale: true, currency: true },
  });
  if (!user) throw notFound("User");
  return { userId, ...user, today: todayIn(user.timezone, now) };
}
