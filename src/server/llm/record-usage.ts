/**
 * Counts LLM calls, tokens and an estimated cost per day in Redis, so the cost of the LLM is
 * visible (metrics, settings) and can be capped.
 */
import type { Redis } from "ioredis";
import { env } from "~/server/env";
import { addToCounter } from "~/server/metrics/shared-metrics";
import { llmConfig } from "./language-model";

/**
 * List prices in micro-dollars per million tokens (integers, so the estimate is exact arithmetic),
 * longest name first so a dated snapshot ("gpt-4o-mini-2024-07-18") finds its family.
 * https://openai.com/api/pricing/ — https://www.anthropic.com/pricing#api
 */
const PRICES: [prefix: string, input: number, output: number][] = [
  ["gpt-4.1-nano", 100_000, 400_000],
  ["gpt-4.1-mini", 400_000, 1_600_000],
  ["gpt-4o-mini", 150_000, 600_000],
  ["gpt-4.1", 2_000_000, 8_000_000],
  ["gpt-4o", 2_500_000, 10_000_000],
  ["claude-3-5-haiku", 800_000, 4_000_000],
  ["claude-haiku-4-5", 1_000_000, 5_000_000],
  ["claude-sonnet-4", 3_000_000, 15_000_000],
];
// Models we have no price for (a local Ollama model, a new name) are estimated at gpt-4o-mini's.
const DEFAULT_PRICE = { input: 150_000, output: 600_000 };

export function priceOf(model: string | undefined): { input: number; output: number } {
  const found = model && PRICES.find(([prefix]) => model.startsWith(prefix));
  return found ? { input: found[1], output: found[2] } : DEFAULT_PRICE;
}

export type LlmUsage = {
  purpose: string;
  inputTokens: number;
  outputTokens: number;
  /** The configured model when absent. */
  model?: string;
  /** Requests this usage covers: one direct call, or every line of a batch. */
  calls?: number;
  /** Through OpenAI's Batch API, billed at half the list price (https://platform.openai.com/docs/guides/batch). */
  batch?: boolean;
};

export function estimateMicroDollars(usage: LlmUsage): number {
  const price = priceOf(usage.model ?? llmConfig()?.model);
  const perMillion = usage.inputTokens * price.input + usage.outputTokens * price.output;
  return Math.round(perMillion / (usage.batch ? 2_000_000 : 1_000_000));
}

const usageKey = (day: string) => `${env.REDIS_PREFIX}:llm-usage:${day}`;

export async function recordLlmUsage(redis: Redis, usage: LlmUsage, now = new Date()): Promise<void> {
  const key = usageKey(now.toISOString().slice(0, 10));
  const calls = usage.calls ?? 1;
  const pipeline = redis
    .multi()
    .hincrby(key, "calls", calls)
    .hincrby(key, `calls:${usage.purpose}`, calls)
    .hincrby(key, "inputTokens", usage.inputTokens)
    .hincrby(key, "outputTokens", usage.outputTokens)
    .hincrby(key, "costMicroDollars", estimateMicroDollars(usage));
  if (usage.batch) pipeline.hincrby(key, "batchCalls", calls);
  // The same figures as all-time counters for /api/metrics; the daily hash expires, a counter must not.
  const { purpose } = usage;
  addToCounter(pipeline, "mt_llm_calls_total", { purpose }, calls);
  addToCounter(pipeline, "mt_llm_tokens_total", { purpose, kind: "input" }, usage.inputTokens);
  addToCounter(pipeline, "mt_llm_tokens_total", { purpose, kind: "output" }, usage.outputTokens);
  addToCounter(pipeline, "mt_llm_cost_usd_total", { purpose }, estimateMicroDollars(usage));
  await pipeline.expire(key, 90 * 24 * 3600).exec();
}

export async function readLlmUsage(redis: Redis, day: string): Promise<Record<string, number>> {
  const raw = await redis.hgetall(usageKey(day));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
}
