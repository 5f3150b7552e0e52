import { UnrecoverableError, Worker } from "bullmq";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { type QueueName, jobPayloads } from "~/server/queue/queues";
import { createWorkerConnection } from "~/server/redis";
import { runWithRequestId } from "~/server/request-context";
import { runInJobSpan } from "~/server/tracing/job-trace";
import { recordJobCompleted, recordJobFailed } from "./job-metrics";
import type { QueueConfig, Registry } from "./registry";

function startWorker<Q extends QueueName>(name: Q, config: QueueConfig<Q>): Worker {
  const worker = new Worker(
    name,
    async (job) => {
      const parsed = jobPayloads[name].safeParse(job.data);
      // A malformed payload will never become valid: fail it without retries.
      if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.message}`);
      const { process } = await config.processor();
      // Scheduled jobs start no request: their own id stands in, so their logs and follow-up jobs still group.
      return runWithRequestId(parsed.data.requestId ?? `job:${name}:${job.id}`, () =>
        runInJobSpan(name, { id: job.id, traceparent: parsed.data.traceparent }, () =>
          process(parsed.data as never, job),
        ),
      );
    },
    {
      connection: createWorkerConnection(),
      prefix: env.REDIS_PREFIX,
      concurrency: config.concurrency,
      limiter: config.limiter,
      // A worker killed mid-job loses its lock within 15 s and another worker picks the job up
      // within 5 s more; a live worker renews its lock every 7.5 s however long the job runs.
      lockDuration: 15_000,
      stalledInterval: 5_000,
    },
  );
  worker.on("completed", (job) => recordJobCompleted(name, job));
  worker.on("failed", (job, err) => {
    logger.warn(
      { queue: name, jobId: job?.id, attempt: job?.attemptsMade, requestId: job?.data?.requestId, err: err.message },
      "job failed",
    );
    if (job) recordJobFailed(name, job);
  });
  worker.on("error", (err) => logger.error({ queue: name, err: err.message }, "worker error"));
  return worker;
}

export function startWorkers(registry: Registry): Worker[] {
  return (Object.entries(registry) as [QueueName, QueueConfig<QueueName>][]).map(([name, config]) =>
    startWorker(name, config),
  );
}

/** Lets running jobs finish, then closes; gives up after `timeoutMs` so a stuck job cannot block shutdown forever. */
export async function stopWorkers(workers: Worker[], timeoutMs = 25_000): Promise<void> {
  const closing = Promise.all(workers.map((w) => w.close()));
  const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
  if ((await Promise.race([closing, timedOut])) === "timeout") {
    logger.warn("jobs still running at shutdown; they will be retried by another worker");
    await Promise.all(workers.map((w) => w.close(true)));
  }
}
