/**
 * One chat turn, streamed: store the question, answer it with the LLM (or the offline engine
 * when none is configured), stream the answer as UI message chunks, store the answer.
 */
import { randomUUID } from "node:crypto";
import { type UIMessage, createUIMessageStream, createUIMessageStreamResponse } from "ai";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { type LlmConfig, createLanguageModel, llmConfig } from "~/server/llm/language-model";
import { logger } from "~/server/logger";
import { chatContext } from "./chat-context";
import { type ChatRequest, questionOf } from "./chat-request";
import { MODEL_HISTORY, appendMessages, ensureConversation, loadMessages } from "./conversations";
import { writeLlmAnswer } from "./llm-answer";
import { planOffline } from "./offline/offline-engine";
import { writeOfflineAnswer } from "./offline/offline-stream";

export async function streamChat(
  db: Db,
  userId: string,
  request: ChatRequest,
  options: { now?: Date; llm?: LlmConfig | null } = {},
): Promise<Response> {
  const question = questionOf(request);
  if (!question) throw new AppError("INVALID_INPUT", "Ask a question");
  const now = options.now ?? new Date();
  const ctx = await chatContext(db, userId, now);
  const model = createLanguageModel(options.llm === undefined ? llmConfig() : options.llm);
  // The offline engine's plan (reading the user's categories and merchant names) does not depend
  // on the conversation, so it is read while the question is stored rather than after. Awaited in
  // the stream, where a failure is reported like any other; the catch only keeps a plan that is no
  // longer wanted (the conversation check failed first) from being an unhandled rejection.
  const offlinePlan = model ? null : planOffline(ctx, question);
  offlinePlan?.catch(() => undefined);

  await ensureConversation(db, userId, request.id, question);
  const history = await loadMessages(db, userId, request.id, MODEL_HISTORY - 1);
  const asked: UIMessage = { id: randomUUID(), role: "user", parts: [{ type: "text", text: question }] };
  await appendMessages(db, request.id, [asked], now);
  const stream = createUIMessageStream({
    originalMessages: [...history, asked],
    generateId: randomUUID,
    async execute({ writer }) {
      writer.write({ type: "start" });
      if (model) await writeLlmAnswer(writer, model, ctx, [...history, asked], question);
      else await writeOfflineAnswer(writer, ctx, await offlinePlan!);
      writer.write({ type: "finish" });
    },
    onError(error) {
      logger.error({ err: error, userId }, "chat answer failed");
      return error instanceof AppError ? error.message : "Something went wrong while answering. Please try again.";
    },
    async onFinish({ responseMessage }) {
      if (responseMessage.parts.length === 0) return;
      await appendMessages(db, request.id, [responseMessage]).catch((error: unknown) =>
        logger.error({ err: error, userId }, "chat answer not stored"),
      );
    },
  });
  return createUIMessageStreamResponse({ stream, headers: { "x-conversation-id": request.id } });
}
