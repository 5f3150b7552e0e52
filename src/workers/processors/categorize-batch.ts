import { DelayedError, type Job } from "bullmq";
import { abandonLlmBatch, collectLlmBatch } from "~/server/categorize/llm-batch/collect-llm-batch";
import { openAiBatchEndpoint } from "~/server/categorize/llm-batch/openai-batch-client";
import { releaseWaitingTransactions } from "~/server/categorize/llm-batch/release-waiting";
import { submitLlmBatch } from "~/server/categorize/llm-batch/submit-llm-batch";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { batchApiEndpoint, llmConfig } from "~/server/llm/language-model";
import { logger } from "~/server/logger";
import { enqueue } from "~/server/queue/producers";
import type { JobPayload } from "~/server/queue/queues";
import { getRedis } from "~/server/redis";
import type { Processor } from "../registry";

const pollDelayMs = () => env.LLM_BATCH_POLL_SECONDS * 1000;
const currentEndpoint = () => {
  const config = batchApiEndpoint(llmConfig());
  return config && openAiBatchEndpoint(config);
};

async function submit({ userId }: JobPayload<"categorize-batch">, job: Job) {
  const outcome = await submitLlmBatch(db, getRedis(), userId, currentEndpoint());
  if (outcome.status === "ordinary")
    return { ...outcome, released: await releaseWaitingTransactions(db, userId, `llm-batch-${job.id}`) };
  await enqueue(
    "categorize-batch",
    { step: "collect", userId, batchId: outcome.batchId },
    { jobId: `categorize-batch-collect-${outcome.batchId}`, delay: pollDelayMs() },
  );
  return outcome;
}

async function collect(data: Extract<JobPayload<"categorize-batch">, { step: "collect" }>, job: Job) {
  const endpoint = currentEndpoint();
  if (!endpoint)
    return { status: "abandoned", released: await abandonLlmBatch(db, getRedis(), data.userId, data.batchId) };
  try {
    const outcome = await collectLlmBatch(db, getRedis(), endpoint.client, data.userId, data.batchId);
    if (outcome.status === "done") return outcome;
  } catch (error) {
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
    logger.warn(
      { batchId: data.batchId, err: (error as Error).message },
      "LLM batch unreachable; ordinary calls instead",
    );
    return { status: "abandoned", released: await abandonLlmBatch(db, getRedis(), data.userId, data.batchId) };
  }
  // Still running: look again later without holding a worker slot (BullMQ's step-job pattern).
  await job.moveToDelayed(Date.now() + pollDelayMs(), job.token);
  throw new DelayedError();
}

export const process: Processor<"categorize-batch"> = (data, job) =>
  data.step === "submit" ? submit(data, job) : collect(data, job);
