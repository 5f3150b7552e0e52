import type { Telegraf } from "telegraf";
import { db } from "~/server/db";
import { createBot } from "./bot";
import { telegramConfig } from "./telegram-config";
import { commandsOnlyEngine } from "./text-query-engine";

let bot: Telegraf | null = null;

/** The process's bot, or null when no token is configured. The analytics engine plugs in here. */
export function getBot(): Telegraf | null {
  const config = telegramConfig();
  if (!config) return null;
  bot ??= createBot(config, { db, engine: commandsOnlyEngine });
  return bot;
}
