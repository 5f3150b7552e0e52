import { Telegram } from "telegraf";
import { env } from "~/server/env";

export type TelegramConfig = {
  token: string;
  apiRoot: string;
  botUsername: string | null;
  webhookSecret: string | null;
};

/** Null when no bot token is configured: Telegram is then simply not offered. */
export function telegramConfig(): TelegramConfig | null {
  if (!env.TELEGRAM_BOT_TOKEN) return null;
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    botUsername: env.TELEGRAM_BOT_USERNAME ?? null,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? null,
  };
}

let client: Telegram | null = null;

/** The Bot API client for sending; apiRoot lets development and tests use the local fake server. */
export function getTelegram(): Telegram | null {
  const config = telegramConfig();
  if (!config) return null;
  client ??= new Telegram(config.token, { apiRoot: config.apiRoot });
  return client;
}
