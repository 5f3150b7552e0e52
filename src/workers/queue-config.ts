import type { Registry } from "./registry";

/**
 * One entry per queue this worker consumes. Processors load lazily so that a worker process
 * only pays for the domains it runs.
 */
export const registry: Registry = {
  "bank-sync": { processor: () => import("./processors/bank-sync"), concurrency: 4 },
  categorize: { processor: () => import("./processors/categorize"), concurrency: 4 },
  // Submitting is a pass over a whole history; following a batch is one request per poll.
  "categorize-batch": { processor: () => import("./processors/categorize-batch"), concurrency: 2 },
  "budget-check": { processor: () => import("./processors/budget-check"), concurrency: 4 },
  // Telegram allows about 30 messages a second overall; BullMQ's limiter is shared by every worker process.
  notify: { processor: () => import("./processors/notify"), concurrency: 8, limiter: { max: 25, duration: 1000 } },
  "alerts-schedule": { processor: () => import("./processors/alerts-schedule"), concurrency: 1 },
  insights: { processor: () => import("./processors/insights"), concurrency: 2 },
};
