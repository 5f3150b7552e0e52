import type { Job } from "bullmq";
import { countShared, observeShared } from "~/server/metrics/shared-metrics";
import type { QueueName } from "~/server/queue/queues";

const seconds = (ms: number) => Math.max(0, ms) / 1000;

function observeTimings(queue: QueueName, job: Job): void {
  if (job.processedOn === undefined) return;
  // A delayed job's wait starts when its delay ends: only time spent ready counts as queue latency.
  const readyAt = job.timestamp + (job.delay ?? 0);
  if (job.attemptsStarted <= 1) observeShared("mt_job_wait_seconds", { queue }, seconds(job.processedOn - readyAt));
  observeShared("mt_job_duration_seconds", { queue }, seconds((job.finishedOn ?? Date.now()) - job.processedOn));
}

export function recordJobCompleted(queue: QueueName, job: Job): void {
  countShared("mt_jobs_completed_total", { queue });
  observeTimings(queue, job);
}

export function recordJobFailed(queue: QueueName, job: Job): void {
  // finishedOn is set only when the job moved to failed for good (no attempts left, or UnrecoverableError).
  const final = job.attemptsMade >= (job.opts.attempts ?? 1) || Boolean(job.finishedOn);
  countShared("mt_jobs_failed_total", { queue, final: String(final) });
  observeTimings(queue, job);
}
