/**
 * Free text in the bot goes to the natural-language query engine (src/server/chat), the same
 * one the web chat uses; when it has nothing to say, or fails, the bot lists its commands.
 */
import { answerQuestion } from "~/server/chat/answer-question";
import { logger } from "~/server/logger";
import { type TextQueryEngine, commandsOnlyEngine } from "./text-query-engine";

// Telegram refuses messages over 4096 characters.
const MAX_REPLY = 4000;

export const questionEngine: TextQueryEngine = {
  async answer(query) {
    try {
      const { answer } = await answerQuestion(query.db, query.userId, query.text, { now: query.now });
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
