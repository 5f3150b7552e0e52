import { userContext } from "~/server/analytics/user-context";
import type { Db } from "~/server/db";
import type { LlmContext } from "./llm-answer";

/** Everything a chat turn knows about who is asking: their id (from the session), day, locale, currency. */
export async function chatContext(db: Db, userId: string, now: Date): Promise<LlmContext> {
  const user = await userContext(db, userId, now);
  return { db, userId, now, today: user.today, locale: user.locale, timezone: user.timezone, currency: user.currency };
}
