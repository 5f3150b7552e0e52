import type { Job } from "bullmq";
import type { JobPayload, QueueName } from "~/server/queue/queues";

export type Processor<Q extends QueueName> = (data: JobPayload<Q>, job: Job) => Promise<unknown>;

export type QueueConfig<Q extends QueueName> = {
  processor: () => Promise<{ process: Processor<Q> }>;
  concurrency: number;
  /** BullMQ's rate limiter, for queues that call rate-limited services. */
  limiter?: { max: number; duration: number };
};

export type Registry = { [Q in QueueName]?: QueueConfig<Q> };
