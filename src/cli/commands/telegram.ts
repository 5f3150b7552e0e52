/**
 * `npm run -s cli -- telegram <set-webhook|delete-webhook|info>`: points Telegram at
 * APP_URL/api/telegram/webhook with TELEGRAM_WEBHOOK_SECRET, or back to long polling.
 */
import { env } from "~/server/env";
import { getTelegram, telegramConfig } from "~/server/telegram/telegram-config";

const USAGE = "usage: npm run -s cli -- telegram <set-webhook|delete-webhook|info>";

export async function run(args: string[]): Promise<number> {
  const config = telegramConfig();
  const telegram = getTelegram();
  if (!config || !telegram) {
    console.error("TELEGRAM_BOT_TOKEN is not set.");
    return 1;
  }
  switch (args[0]) {
    case "set-webhook": {
      if (!config.webhookSecret) {
        console.error("Set TELEGRAM_WEBHOOK_SECRET first (1–256 characters of A–Z, a–z, 0–9, _ and -).");
        return 1;
      }
      const url = new URL("/api/telegram/webhook", env.APP_URL).toString();
      await telegram.setWebhook(url, {
        secret_token: config.webhookSecret,
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      });
      console.log(`Webhook set to ${url}`);
      return 0;
    }
    case "delete-webhook":
      await telegram.deleteWebhook();
      console.log("Webhook removed; unset TELEGRAM_WEBHOOK_SECRET so the worker long-polls.");
      return 0;
    case "info":
      console.log(JSON.stringify(await telegram.getWebhookInfo(), null, 2));
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}
