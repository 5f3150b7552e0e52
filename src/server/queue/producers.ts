import { type JobsOptions, Queue } from "bullmq";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";
import { currentRequestId } from "~/server/request-context";
import { currentTraceparent } from "~/server/tracing/job-trace";
import { type JobPayload, type QueueName, jobPayloads } from "./queues";

const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: getRedis(), prefix: env.REDIS_PREFIX });
    queues.set(name, queue);
  }
  return queue;
}

const DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Validates the payload with the queue's schema before it leaves the process; the job carries the current request id and trace. */
export async function enqueue<Q extends QueueName>(name: Q, payload: JobPayload<Q>, options: JobsOptions = {}) {
  const data = jobPayloads[name].parse({
    requestId: currentRequestId(),
    traceparent: currentTraceparent(),
    ...payload,
  });
  return getQueue(name).add(name, data, { ...DEFAULTS, ...options });
}

export async function closeQueues() {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
