import type { Telegraf } from "telegraf";
import { db } from "~/server/db";
import { createBot } from "./bot";
import { telegramConfig } from "./telegram-config";
import { questionEngine } from "./question-engine";

let bot: Telegraf | null = null;

/** The process's bot, or null when no token is configured. */
export function getBot(): Telegraf | null {
  const config = telegramConfig();
  if (!config) return null;
  bot ??= createBot(config, { db, engine: questionEngine });
  return bot;
}
