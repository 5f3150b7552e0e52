/**
 * The configured LLM, or null when none is: every caller must then use its offline engine.
 * Any OpenAI-compatible endpoint works (OpenAI, Ollama, vLLM, LM Studio, llama.cpp) through
 * the Chat Completions API, which they all speak — not OpenAI's newer Responses API.
 */
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { env } from "~/server/env";

export type LlmConfig = { baseURL: string; apiKey: string; model: string };

export function llmConfig(): LlmConfig | null {
  if (!env.LLM_BASE_URL) return null;
  return { baseURL: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY ?? "not-needed", model: env.LLM_MODEL };
}

export function createLanguageModel(config: LlmConfig | null = llmConfig()): LanguageModel | null {
  if (!config) return null;
  return createOpenAI({ baseURL: config.baseURL, apiKey: config.apiKey }).chat(config.model);
}

export const isOpenAiItself = (config: LlmConfig) => new URL(config.baseURL).hostname === "api.openai.com";
