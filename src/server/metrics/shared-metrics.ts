/**
 * Metrics that several processes add to — every worker and every web instance — kept in one
 * Redis hash, so a scrape of any web instance sees the whole deployment's totals and a worker
 * killed with -9 loses nothing it had already counted. Adding is fire-and-forget: a metric
 * never fails or slows the work it counts.
 */
import type { ChainableCommander, Redis } from "ioredis";
import type { Registry } from "prom-client";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { getRedis } from "~/server/redis";

const SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

type Definition = {
  type: "counter" | "histogram";
  help: string;
  labelNames: readonly string[];
  /** Stored as integers in a smaller unit (micro-dollars) and shown divided by this. */
  divisor?: number;
};

export const SHARED_METRICS = {
  mt_jobs_completed_total: { type: "counter", help: "Jobs finished successfully", labelNames: ["queue"] },
  mt_jobs_failed_total: {
    type: "counter",
    help: "Job attempts that threw; final=true when no retry is left",
    labelNames: ["queue", "final"],
  },
  mt_job_wait_seconds: {
    type: "histogram",
    help: "Time a job waited in its queue before a worker took it (delays excluded)",
    labelNames: ["queue"],
  },
  mt_job_duration_seconds: { type: "histogram", help: "Time a worker spent on a job", labelNames: ["queue"] },
  mt_bank_syncs_total: { type: "counter", help: "Bank syncs by outcome", labelNames: ["outcome"] },
  mt_transactions_ingested_total: {
    type: "counter",
    help: "Transactions added (bank sync or file import)",
    labelNames: ["source"],
  },
  mt_notifications_total: {
    type: "counter",
    help: "Notifications that reached a final state",
    labelNames: ["channel", "outcome"],
  },
  mt_llm_calls_total: { type: "counter", help: "LLM requests", labelNames: ["purpose"] },
  mt_llm_tokens_total: { type: "counter", help: "LLM tokens", labelNames: ["purpose", "kind"] },
  mt_llm_cost_usd_total: {
    type: "counter",
    help: "Estimated LLM cost at list prices",
    labelNames: ["purpose"],
    divisor: 1_000_000,
  },
  mt_analytics_cache_requests_total: {
    type: "counter",
    help: "Analytics cache look-ups by result (hit rate = hit / all)",
    labelNames: ["result"],
  },
} as const satisfies Record<string, Definition>;

type Metrics = typeof SHARED_METRICS;
type LabelsOf<N extends keyof Metrics> = Record<Metrics[N]["labelNames"][number], string>;
type NamesOfType<T> = { [N in keyof Metrics]: Metrics[N]["type"] extends T ? N : never }[keyof Metrics];
export type SharedCounter = NamesOfType<"counter">;
export type SharedHistogram = NamesOfType<"histogram">;

const hashKey = () => `${env.REDIS_PREFIX}:metrics`;

// A field is "<series name>|<labels as JSON>", labels in definition order so one series is one field.
function field(series: string, labelNames: readonly string[], labels: Record<string, string>, le?: string) {
  const ordered = Object.fromEntries(labelNames.map((name) => [name, labels[name] ?? ""]));
  return `${series}|${JSON.stringify(le === undefined ? ordered : { ...ordered, le })}`;
}

/** Adds to a counter inside an existing MULTI, so it commits with the data it counts. */
export function addToCounter<N extends SharedCounter>(
  multi: ChainableCommander,
  name: N,
  labels: LabelsOf<N>,
  by = 1,
): ChainableCommander {
  return multi.hincrby(hashKey(), field(name, SHARED_METRICS[name].labelNames, labels), by);
}

function addObservation<N extends SharedHistogram>(
  multi: ChainableCommander,
  name: N,
  labels: LabelsOf<N>,
  value: number,
) {
  const { labelNames } = SHARED_METRICS[name];
  for (const bound of SECONDS) {
    if (value <= bound) multi.hincrby(hashKey(), field(`${name}_bucket`, labelNames, labels, String(bound)), 1);
  }
  multi.hincrby(hashKey(), field(`${name}_bucket`, labelNames, labels, "+Inf"), 1);
  multi.hincrby(hashKey(), field(`${name}_count`, labelNames, labels), 1);
  multi.hincrbyfloat(hashKey(), field(`${name}_sum`, labelNames, labels), value);
}

function send(write: (multi: ChainableCommander) => void): void {
  const multi = getRedis().multi();
  write(multi);
  multi.exec().catch((error: Error) => logger.warn({ err: error.message }, "metric not recorded"));
}

export function countShared<N extends SharedCounter>(name: N, labels: LabelsOf<N>, by = 1): void {
  if (by > 0) send((multi) => addToCounter(multi, name, labels, by));
}

export function observeShared<N extends SharedHistogram>(name: N, labels: LabelsOf<N>, seconds: number): void {
  send((multi) => addObservation(multi, name, labels, seconds));
}

export type MetricJson = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>[number];
type Sample = { metricName: string; labels: Record<string, string>; value: number };

/** The shared metrics in prom-client's JSON form (getMetricsAsJSON), ready to merge with a process's own. */
export async function readSharedMetrics(redis: Redis): Promise<MetricJson[]> {
  const raw = await redis.hgetall(hashKey());
  const values = new Map<string, Sample[]>();
  for (const [key, value] of Object.entries(raw)) {
    const separator = key.indexOf("|");
    const metricName = key.slice(0, separator);
    const base = metricName.replace(/_(bucket|sum|count)$/, "");
    const name = base in SHARED_METRICS ? base : metricName;
    if (!(name in SHARED_METRICS)) continue;
    const divisor = (SHARED_METRICS[name as keyof Metrics] as Definition).divisor ?? 1;
    const labels = JSON.parse(key.slice(separator + 1)) as Record<string, string>;
    values.set(name, [...(values.get(name) ?? []), { metricName, labels, value: Number(value) / divisor }]);
  }
  // prom-client's typings call `type` an enum, but its JSON and its text renderer use the string.
  return Object.entries(SHARED_METRICS).map(
    ([name, definition]) =>
      ({
        name,
        help: `${definition.help} (all processes)`,
        type: definition.type,
        aggregator: "sum",
        values: values.get(name) ?? [],
      }) as unknown as MetricJson,
  );
}
