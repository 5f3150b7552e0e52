/**
 * Counts LLM calls, tokens and an estimated cost per day in Redis, so the cost of the LLM is
 * visible (metrics, settings) and can be capped.
 */
import type { Redis } from "ioredis";
import { env } from "~/server/env";

// Dollars per million tokens, for the estimate only; gpt-4o-mini's list price as the default.
const PRICE_PER_MILLION = { input: 0.15, output: 0.6 };

export type LlmUsage = { purpose: string; inputTokens: number; outputTokens: number };

const usageKey = (day: string) => `${env.REDIS_PREFIX}:llm-usage:${day}`;

export async function recordLlmUsage(redis: Redis, usage: LlmUsage, now = new Date()): Promise<void> {
  const key = usageKey(now.toISOString().slice(0, 10));
  const microDollars = Math.round(
    usage.inputTokens * PRICE_PER_MILLION.input + usage.outputTokens * PRICE_PER_MILLION.output,
  );
  await redis
    .multi()
    .hincrby(key, "calls", 1)
    .hincrby(key, `calls:${usage.purpose}`, 1)
    .hincrby(key, "inputTokens", usage.inputTokens)
    .hincrby(key, "outputTokens", usage.outputTokens)
    .hincrby(key, "costMicroDollars", microDollars)
    .expire(key, 90 * 24 * 3600)
    .exec();
}

export async function readLlmUsage(redis: Redis, day: string): Promise<Record<string, number>> {
  const raw = await redis.hgetall(usageKey(day));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
}
