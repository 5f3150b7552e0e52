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
  // Telegram allows about 30 messages a second overall. BullMQ's limiter, shared by every worker
  // process, counts jobs started in fixed windows that open with the first job; any second overlaps
  // at most five 250 ms windows, so no second sees more than 25 (25 per 1000 ms could let 50 through
  // across a window's end). The 1/s per chat is `chat-pacing.ts`.
  notify: { processor: () => import("./processors/notify"), concurrency: 8, limiter: { max: 5, duration: 250 } },
  "alerts-schedule": { processor: () => import("./processors/alerts-schedule"), concurrency: 1 },
  insights: { processor: () => import("./processors/insights"), concurrency: 2 },
};
