/**
 * Free text in the bot goes to the natural-language query engine (src/server/chat), the same
 * one the web chat uses; when it has nothing to say, or fails, the bot lists its commands.
 * Questions count against the same per-user "chat" limit as the web chat, since each may cost
 * an LLM call; over it, the offline engine answers, which costs nothing.
 */
import { answerQuestion } from "~/server/chat/answer-question";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { type TextQueryEngine, commandsOnlyEngine } from "./text-query-engine";

// Telegram refuses messages over 4096 characters.
const MAX_REPLY = 4000;

async function engineWithinChatLimit(userId: string): Promise<"auto" | "offline"> {
  try {
    await consumeRateLimit("chat", userId);
    return "auto";
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return "offline";
    throw error;
  }
}

export const questionEngine: TextQueryEngine = {
  async answer(query) {
    try {
      const engine = await engineWithinChatLimit(query.userId);
      const { answer } = await answerQuestion(query.db, query.userId, query.text, { now: query.now, engine });
      if (answer.trim()) return answer.length > MAX_REPLY ? `${answer.slice(0, MAX_REPLY - 1)}…` : answer;
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "question engine failed in Telegram",
      );
    }
    return commandsOnlyEngine.answer(query);
  },
};
