/**
 * Queue names and their job payloads. Jobs carry ids, never copies of data or secrets, and
 * every processor is idempotent: a job may run twice, or be lost and re-created by a
 * reconciler, with the same result.
 */
import { z } from "zod";
import { requestIdSchema } from "~/server/request-context";
import { calendarDate } from "~/server/time/calendar";
import { traceparentSchema } from "~/server/tracing/job-trace";

/** Who enqueued the job: their request id (logs) and trace context (spans) follow it into the worker. */
const traced = { requestId: requestIdSchema.optional(), traceparent: traceparentSchema.optional() };

/** Transactions per categorize job: a long history spreads over workers in pieces of this size. */
export const CATEGORIZE_BATCH = 500;

export const jobPayloads = {
  "bank-sync": z.object({
    ...traced,
    connectionId: z.uuid(),
    trigger: z.enum(["initial", "manual", "webhook", "schedule", "reconcile"]),
  }),
  categorize: z.object({
    ...traced,
    userId: z.uuid(),
    transactionIds: z.array(z.uuid()).min(1).max(1000),
    /** Set on a delayed follow-up for merchants the LLM failed on (categorize/schedule-llm-retry.ts). */
    llmRetry: z.number().int().min(1).max(10).optional(),
    /**
     * Transactions a bank sync or an import categorized as it wrote them: only transfer linking
     * and the after-change hooks remain, owed by this row of categorize/owed-hooks.ts.
     */
    owedHooksId: z.uuid().optional(),
  }),
  /**
   * A long history's first categorization through OpenAI's Batch API (src/server/categorize/llm-batch/):
   * `submit` sends the user's not yet categorized transactions' unknown merchants, `collect` follows
   * the batch until it ends.
   */
  "categorize-batch": z.discriminatedUnion("step", [
    z.object({ ...traced, step: z.literal("submit"), userId: z.uuid() }),
    z.object({ ...traced, step: z.literal("collect"), userId: z.uuid(), batchId: z.string().min(1).max(200) }),
  ]),
  "budget-check": z.object({ ...traced, userId: z.uuid(), day: calendarDate.optional() }),
  notify: z.object({ ...traced, notificationId: z.uuid() }),
  /** Scheduled upkeep: budgets, goals, notifications, bank syncs and owed hooks (src/workers/schedules.ts). */
  "alerts-schedule": z.object({
    ...traced,
    task: z.enum(["reconcile", "digests", "redeliver", "bank-syncs", "owed-hooks"]),
  }),
  /** Daily insights for one user; without a userId, the hourly fan-out to users whose morning it is. */
  insights: z.object({ ...traced, userId: z.uuid().optional() }),
} as const;

export type QueueName = keyof typeof jobPayloads;
export type JobPayload<Q extends QueueName> = z.infer<(typeof jobPayloads)[Q]>;

export const QUEUE_NAMES = Object.keys(jobPayloads) as QueueName[];
