/**
 * The LLM path: streamText with the user-scoped tools, streamed as UI message chunks. When the
 * LLM fails before saying anything (down, timing out, refusing the request), the offline engine
 * answers the same question in the same stream — the user gets an answer either way.
 */
import {
  InvalidToolInputError,
  type LanguageModel,
  NoSuchToolError,
  type UIMessage,
  type UIMessageStreamWriter,
  convertToModelMessages,
  generateText,
  stepCountIs,
  streamText,
} from "ai";
import { AppError } from "~/server/errors";
import { recordLlmUsage } from "~/server/llm/record-usage";
import { logger } from "~/server/logger";
import { getRedis } from "~/server/redis";
import { planOffline } from "./offline/offline-engine";
import { writeOfflineAnswer } from "./offline/offline-stream";
import { systemPrompt } from "./system-prompt";
import type { ToolContext } from "./tools/chat-tool";
import { ToolFailure, aiSdkTools } from "./tools/tool-catalog";

export type LlmContext = ToolContext & { timezone: string; currency: string };

const MAX_STEPS = 6;
const TIMEOUT_MS = 60_000;
const OUTPUT_CHUNKS = new Set(["text-delta", "tool-input-start", "tool-input-available", "tool-output-available"]);

const isToolError = (error: unknown) =>
  error instanceof AppError ||
  error instanceof ToolFailure ||
  InvalidToolInputError.isInstance(error) ||
  NoSuchToolError.isInstance(error);

async function recordUsage(usage: { inputTokens?: number; outputTokens?: number }) {
  await recordLlmUsage(getRedis(), {
    purpose: "chat",
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
  }).catch((error: Error) => logger.warn({ err: error.message }, "LLM usage not recorded"));
}

export async function writeLlmAnswer(
  writer: UIMessageStreamWriter,
  model: LanguageModel,
  ctx: LlmContext,
  history: UIMessage[],
  question: string,
) {
  const tools = aiSdkTools(ctx);
  let failure: unknown = null;
  const result = streamText({
    model,
    system: systemPrompt(ctx),
    messages: await convertToModelMessages(history, { tools }),
    tools,
    stopWhen: stepCountIs(MAX_STEPS),
    temperature: 0,
    maxRetries: 1,
    abortSignal: AbortSignal.timeout(TIMEOUT_MS),
    onFinish: ({ totalUsage }) => recordUsage(totalUsage),
  });
  const reader = result
    .toUIMessageStream({
      sendStart: false,
      sendFinish: false,
      onError: (error) => {
        // The same hook names tool errors (the SDK passes some as plain text), which the user
        // may see; any other error is the LLM's, and stays in the log.
        if (typeof error === "string") return error;
        if (isToolError(error)) return (error as Error).message;
        failure = error;
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, "LLM chat failed");
        return "The assistant could not finish this answer.";
      },
    })
    .getReader();
  let answered = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === "error" && !answered) break;
    answered ||= OUTPUT_CHUNKS.has(value.type);
    writer.write(value);
  }
  if (failure !== null && !answered) {
    await reader.cancel().catch(() => undefined);
    await writeOfflineAnswer(writer, ctx, await planOffline(ctx, question));
  }
}

/** The same loop without streaming, for the CLI and the Telegram bot. */
export async function generateLlmAnswer(model: LanguageModel, ctx: LlmContext, question: string) {
  const result = await generateText({
    model,
    system: systemPrompt(ctx),
    prompt: question,
    tools: aiSdkTools(ctx),
    stopWhen: stepCountIs(MAX_STEPS),
    temperature: 0,
    maxRetries: 1,
    abortSignal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await recordUsage(result.totalUsage);
  const calls = result.steps.flatMap((step) =>
    step.toolResults.map((r) => ({ tool: r.toolName, input: r.input, output: r.output })),
  );
  return { text: result.text, calls };
}
