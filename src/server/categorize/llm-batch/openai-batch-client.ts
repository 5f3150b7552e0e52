/**
 * The `openai` SDK, for the Files and Batch APIs the AI SDK does not cover, pointed at the
 * configured OpenAI-compatible endpoint.
 */
import OpenAI from "openai";
import type { OpenAiCompatibleConfig } from "~/server/llm/language-model";

export type BatchEndpoint = { client: OpenAI; model: string };

export function openAiBatchEndpoint(config: OpenAiCompatibleConfig): BatchEndpoint {
  // Uploads of a long history run to megabytes; the SDK retries 429s and 5xx with backoff itself.
  return {
    client: new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: 120_000, maxRetries: 3 }),
    model: config.model,
  };
}
