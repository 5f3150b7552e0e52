/**
 * Telegram's webhook. Telegram sends each update with the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header (https://core.telegram.org/bots/api#setwebhook);
 * anything without it is refused. A handled update is always answered 200: any other status
 * makes Telegram send the same update again and again. Requests are limited per address first,
 * so guessing the secret costs as much as anything else.
 */
import { timingSafeEqual } from "node:crypto";
import type { Update } from "telegraf/types";
import { z } from "zod";
import { logger } from "~/server/logger";
import { clientIp } from "~/server/security/client-info";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { handleRoute } from "~/server/security/route-response";
import { getBot } from "~/server/telegram/bot-instance";
import { telegramConfig } from "~/server/telegram/telegram-config";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1_000_000;
const update = z.looseObject({ update_id: z.int().nonnegative() });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const POST = handleRoute(async (request: Request) => {
  await consumeRateLimit("webhook", clientIp(request.headers) ?? "unknown");
  const secret = telegramConfig()?.webhookSecret;
  const bot = getBot();
  if (!secret || !bot) return Response.json({ error: "The Telegram webhook is not enabled" }, { status: 404 });
  if (!sameSecret(request.headers.get("x-telegram-bot-api-secret-token") ?? "", secret)) {
    return Response.json({ error: "Forbidden" }, { status: 403 });
  }
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return Response.json({ error: "Too large" }, { status: 413 });
  let parsed: z.infer<typeof update>;
  try {
    parsed = update.parse(JSON.parse(body));
  } catch {
    return Response.json({ error: "Not a Telegram update" }, { status: 400 });
  }
  try {
    await bot.handleUpdate(parsed as unknown as Update);
  } catch (error) {
    logger.error({ err: (error as Error).message, updateId: parsed.update_id }, "telegram webhook update failed");
  }
  return new Response(null, { status: 200 });
});
