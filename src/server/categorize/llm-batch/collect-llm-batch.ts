/**
 * Follows a categorization batch until it ends. Completed: its valid answers go to the merchant
 * cache, its tokens to the usage count at the batch price. Failed, expired, cancelled or never
 * ending: nothing is learned. Either way the waiting transactions then go through the normal
 * pipeline, which finds what the batch answered in the cache and asks directly about the rest —
 * including the answers the cache declines to keep (unsure ones, money between people), which
 * cost a second, direct call so that the cache's rules stay the only door into it.
 */
import type { Redis } from "ioredis";
import type OpenAI from "openai";
import type { Db } from "~/server/db";
import { logger } from "~/server/logger";
import { recordLlmUsage } from "~/server/llm/record-usage";
import { learnFromVerdicts } from "../merchant-cache";
import { forgetBatchQuestions, loadBatchQuestions } from "./batch-questions";
import { readBatchOutput } from "./read-batch-output";
import { releaseWaitingTransactions } from "./release-waiting";

const RUNNING = new Set(["validating", "in_progress", "finalizing", "cancelling"]);
// OpenAI expires a batch after its 24-hour window; an endpoint that never ends one is given up on an hour later.
const GIVE_UP_AFTER_SECONDS = 25 * 3600;

export type CollectOutcome =
  | { status: "running" }
  | { status: "done"; batchStatus: string; answered: number; invalidLines: number; released: number };

async function learnFromOutput(db: Db, redis: Redis, client: OpenAI, batchId: string, outputFileId: string) {
  const questions = await loadBatchQuestions(redis, batchId);
  // Already read by an earlier run of this job that stopped before releasing the transactions.
  if (!questions) return { answered: 0, invalidLines: 0 };
  const output = readBatchOutput(await (await client.files.content(outputFileId)).text(), questions);
  await learnFromVerdicts(db, output.answers);
  await recordLlmUsage(redis, { purpose: "categorize", model: questions.model, batch: true, ...output.usage });
  await forgetBatchQuestions(redis, batchId);
  return { answered: output.answers.length, invalidLines: output.invalidLines };
}

/** Files are kept by OpenAI until deleted; ours have served their purpose. */
async function deleteFiles(client: OpenAI, ids: (string | null | undefined)[]) {
  for (const id of ids) {
    if (id) await client.files.delete(id).catch(() => undefined);
  }
}

export async function collectLlmBatch(
  db: Db,
  redis: Redis,
  client: OpenAI,
  userId: string,
  batchId: string,
  now = new Date(),
): Promise<CollectOutcome> {
  const batch = await client.batches.retrieve(batchId);
  const givenUp = RUNNING.has(batch.status);
  if (givenUp) {
    if (now.getTime() / 1000 - batch.created_at < GIVE_UP_AFTER_SECONDS) return { status: "running" };
    await client.batches.cancel(batchId).catch(() => undefined);
  }
  const learned =
    batch.status === "completed" && batch.output_file_id
      ? await learnFromOutput(db, redis, client, batchId, batch.output_file_id)
      : { answered: 0, invalidLines: 0 };
  if (batch.status !== "completed" || learned.invalidLines > 0)
    logger.warn({ batchId, status: batch.status, invalidLines: learned.invalidLines }, "LLM batch fell short");
  await forgetBatchQuestions(redis, batchId);
  const released = await releaseWaitingTransactions(db, userId, `llm-batch-${batchId}`);
  await deleteFiles(client, [batch.input_file_id, batch.output_file_id, batch.error_file_id]);
  return { status: "done", batchStatus: givenUp ? "given-up" : batch.status, ...learned, released };
}

/** The fallback when the batch cannot be followed at all (no endpoint any more, or it keeps erroring). */
export async function abandonLlmBatch(db: Db, redis: Redis, userId: string, batchId: string) {
  await forgetBatchQuestions(redis, batchId);
  return releaseWaitingTransactions(db, userId, `llm-batch-${batchId}`);
}
