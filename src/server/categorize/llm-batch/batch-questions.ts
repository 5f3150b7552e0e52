/**
 * Which merchants each line of a batch asked about. An answer names merchants by their position
 * in its line's prompt, and OpenAI gives no way to read an uploaded batch input file back, so the
 * questions wait in Redis — beside the job that follows the batch — until the answers are read.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import { env } from "~/server/env";

const askedMerchant = z.object({ key: z.string().min(1), displayName: z.string() });

const batchQuestions = z.object({
  model: z.string(),
  inputFileId: z.string(),
  /** custom_id of each request line → the merchants of its prompt, in prompt order. */
  lines: z.record(z.string(), z.array(askedMerchant)),
});

export type BatchQuestions = z.infer<typeof batchQuestions>;

// OpenAI gives a batch 24 hours; the rest is room for a worker that was down when it ended.
const KEEP_SECONDS = 7 * 24 * 3600;

const keyOf = (batchId: string) => `${env.REDIS_PREFIX}:llm-batch:${batchId}`;

export async function saveBatchQuestions(redis: Redis, batchId: string, questions: BatchQuestions) {
  await redis.set(keyOf(batchId), JSON.stringify(batchQuestions.parse(questions)), "EX", KEEP_SECONDS);
}

/** Null when they are gone (expired, or the batch was already read). */
export async function loadBatchQuestions(redis: Redis, batchId: string): Promise<BatchQuestions | null> {
  const raw = await redis.get(keyOf(batchId));
  if (!raw) return null;
  const parsed = batchQuestions.safeParse(parseJson(raw));
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function forgetBatchQuestions(redis: Redis, batchId: string) {
  await redis.del(keyOf(batchId));
}
