/**
 * In development and tests, with no SMTP_URL, mail goes here instead: a short list in Redis that
 * the /dev-outbox page shows, so sign-up and password reset can be tried without a mail server.
 * Never used in production (send-email.ts).
 */
import { z } from "zod";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";
import type { OutgoingEmail } from "./email-message";

const KEY = `${env.REDIS_PREFIX}:dev-outbox`;
const KEEP = 50;
const TTL_SECONDS = 7 * 24 * 3600;

const storedEmail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.iso.datetime(),
});
export type OutboxEmail = z.infer<typeof storedEmail>;

export async function saveToOutbox(message: OutgoingEmail): Promise<void> {
  const entry: OutboxEmail = { id: crypto.randomUUID(), ...message, sentAt: new Date().toISOString() };
  await getRedis()
    .multi()
    .lpush(KEY, JSON.stringify(entry))
    .ltrim(KEY, 0, KEEP - 1)
    .expire(KEY, TTL_SECONDS)
    .exec();
}

/** Newest first; optionally only what was sent to one address. */
export async function readOutbox(to?: string): Promise<OutboxEmail[]> {
  const raw = await getRedis().lrange(KEY, 0, KEEP - 1);
  const emails = raw.flatMap((item) => {
    const parsed = storedEmail.safeParse(JSON.parse(item));
    return parsed.success ? [parsed.data] : [];
  });
  return to ? emails.filter((email) => email.to === to) : emails;
}
