/**
 * What the bot does with free text. bot-instance.ts passes the natural-language query engine
 * (question-engine.ts); the commands-only engine is its fallback and points the user at the
 * command that fits their words.
 */
import type { Db } from "~/server/db";

export type TextQuery = { db: Db; userId: string; text: string; now: Date };

export type TextQueryEngine = { answer(query: TextQuery): Promise<string> };

export const COMMANDS_HELP = [
  "/summary — what you spent today and this month",
  "/budget — how every budget stands",
  "/spent <category> [period] — e.g. /spent food last month, /spent travel 30d",
  "/goals — your savings goals",
  "/unlink — disconnect this chat from your account",
  "/help — this list",
].join("\n");

const HINTS: { words: RegExp; command: string }[] = [
  { words: /\bbudget/i, command: "/budget" },
  { words: /\b(goal|sav(e|ing))/i, command: "/goals" },
  { words: /\b(spen[dt]|cost|paid|pay)/i, command: "/spent <category> [period]" },
  { words: /\b(today|month|summary|overview)/i, command: "/summary" },
];

export const commandsOnlyEngine: TextQueryEngine = {
  async answer({ text }) {
    const hint = HINTS.find((h) => h.words.test(text));
    const lead = hint
      ? `I can't answer free-form questions yet, but ${hint.command} may have what you are after.`
      : "I can't answer free-form questions yet. Here is what I can do:";
    return `${lead}\n\n${COMMANDS_HELP}`;
  },
};
