/**
 * Answers one free-text question for a user, without streaming: the door for the CLI
 * (`ask`) and the Telegram bot.
 *
 *   const { answer, data } = await answerQuestion(db, userId, "how much did I spend on groceries last month?");
 *
 * `answer` is plain text (may contain newlines). `data` holds the structured figures: for the
 * offline engine `{ intent, tool, ...toolOutput }` (amounts as decimal strings), for the LLM
 * `{ intent: "llm", calls: [{ tool, input, output }] }`. With no LLM configured, or with
 * `engine: "offline"`, or when the LLM fails, the offline engine answers.
 */
import type { Db } from "~/server/db";
import { type LlmConfig, createLanguageModel, llmConfig } from "~/server/llm/language-model";
import { logger } from "~/server/logger";
import { chatContext } from "./chat-context";
import { MAX_QUESTION_LENGTH } from "./chat-request";
import { generateLlmAnswer } from "./llm-answer";
import { answerOffline } from "./offline/offline-engine";

export type QuestionAnswer = { answer: string; data: Record<string, unknown> };

export async function answerQuestion(
  db: Db,
  userId: string,
  question: string,
  options: { now?: Date; engine?: "auto" | "offline"; llm?: LlmConfig | null } = {},
): Promise<QuestionAnswer> {
  const now = options.now ?? new Date();
  const ctx = await chatContext(db, userId, now);
  const text = question.trim().slice(0, MAX_QUESTION_LENGTH);
  const model =
    options.engine === "offline" ? null : createLanguageModel(options.llm === undefined ? llmConfig() : options.llm);
  if (model) {
    try {
      const result = await generateLlmAnswer(model, ctx, text);
      if (result.text.trim()) return { answer: result.text, data: { intent: "llm", calls: result.calls } };
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "LLM answer failed; answering offline",
      );
    }
  }
  const offline = await answerOffline(ctx, text);
  return { answer: offline.text, data: offline.data };
}
