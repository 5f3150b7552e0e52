/**
 * The configured LLM, or null when none is: every caller must then use its offline engine.
 * Any OpenAI-compatible endpoint works (OpenAI, Ollama, vLLM, LM Studio, llama.cpp) through
 * the Chat Completions API, which they all speak — not OpenAI's newer Responses API — and
 * Anthropic through its own Messages API when its key is set.
 */
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { type Env, env } from "~/server/env";

export type OpenAiCompatibleConfig = { provider?: "openai-compatible"; baseURL: string; apiKey: string; model: string };
export type AnthropicConfig = { provider: "anthropic"; apiKey: string; model: string };
export type LlmConfig = OpenAiCompatibleConfig | AnthropicConfig;

type LlmSettings = Pick<
  Env,
  "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL" | "ANTHROPIC_API_KEY" | "ANTHROPIC_MODEL" | "LLM_BATCH_API"
>;

/**
 * LLM_BASE_URL wins over ANTHROPIC_API_KEY: it names an endpoint on purpose, while an Anthropic key
 * is often exported in a shell for other tools — and someone who points us at their own Ollama must
 * not have their transactions sent to a cloud provider because such a key happened to be around.
 */
export function llmConfigFrom(settings: LlmSettings): LlmConfig | null {
  if (settings.LLM_BASE_URL) {
    return {
      provider: "openai-compatible",
      baseURL: settings.LLM_BASE_URL,
      apiKey: settings.LLM_API_KEY ?? "not-needed",
      model: settings.LLM_MODEL,
    };
  }
  if (settings.ANTHROPIC_API_KEY)
    return { provider: "anthropic", apiKey: settings.ANTHROPIC_API_KEY, model: settings.ANTHROPIC_MODEL };
  return null;
}

export const llmConfig = (): LlmConfig | null => llmConfigFrom(env);

export function createLanguageModel(config: LlmConfig | null = llmConfig()): LanguageModel | null {
  if (!config) return null;
  if (config.provider === "anthropic") return createAnthropic({ apiKey: config.apiKey }).messages(config.model);
  return createOpenAI({ baseURL: config.baseURL, apiKey: config.apiKey }).chat(config.model);
}

export const isOpenAiItself = (config: LlmConfig): config is OpenAiCompatibleConfig =>
  config.provider !== "anthropic" && new URL(config.baseURL).hostname === "api.openai.com";

/**
 * The endpoint to send batches to, or null for ordinary calls. `auto` trusts only OpenAI itself:
 * most OpenAI-compatible servers (Ollama, LM Studio, vLLM's server) have no /v1/batches.
 */
export function batchApiEndpoint(
  config: LlmConfig | null,
  mode: LlmSettings["LLM_BATCH_API"] = env.LLM_BATCH_API,
): OpenAiCompatibleConfig | null {
  if (!config || config.provider === "anthropic" || mode === "off") return null;
  return mode === "on" || isOpenAiItself(config) ? config : null;
}
