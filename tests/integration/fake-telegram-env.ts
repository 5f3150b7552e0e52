/**
 * Starts the fake Bot API and points the app's Telegram settings at it. Call it from
 * `await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv())`
 * so the environment is set before any app module reads it.
 */
import { FakeTelegramServer, type FakeTelegramOptions } from "~/local-services/telegram/fake-telegram-server";
// Type-only: erased at run time, so importing it here does not read the environment early.
import type { Db } from "~/server/db";

export const TEST_BOT_TOKEN = "7000001:fake-token-for-tests";
export const TEST_WEBHOOK_SECRET = "test-webhook-secret";

export async function startFakeTelegramEnv(options: Omit<FakeTelegramOptions, "token"> = {}) {
  const fake = await FakeTelegramServer.start({ token: TEST_BOT_TOKEN, ...options });
  process.env.TELEGRAM_BOT_TOKEN = TEST_BOT_TOKEN;
  process.env.TELEGRAM_API_ROOT = fake.apiRoot;
  process.env.TELEGRAM_BOT_USERNAME = fake.bot.username;
  // With a webhook secret the worker does not long-poll; tests drive the bot themselves.
  process.env.TELEGRAM_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  return fake;
}

/** A user whose Telegram chat is linked, as after /start <code>. */
export async function linkTestChat(db: Db, fake: FakeTelegramServer, userId: string, chatId: number) {
  fake.addChat(chatId);
  await db.userPreferences.update({
    where: { userId },
    data: { telegramChatId: String(chatId), telegramBlockedAt: null },
  });
}
