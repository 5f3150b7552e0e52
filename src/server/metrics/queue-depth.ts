import { Gauge, type Registry } from "prom-client";
import { logger } from "~/server/logger";
import { getQueue } from "~/server/queue/producers";
import { QUEUE_NAMES } from "~/server/queue/queues";

const JOB_STATES = ["waiting", "active", "delayed", "prioritized", "waiting-children", "failed"] as const;

/** Jobs per queue and state, asked of Redis at scrape time, so the figure is the whole deployment's. */
export function registerQueueDepth(registry: Registry): void {
  if (registry.getSingleMetric("mt_queue_jobs")) return;
  new Gauge({
    name: "mt_queue_jobs",
    help: "Jobs in each queue by state (all processes)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const counts = await Promise.all(QUEUE_NAMES.map((name) => getQueue(name).getJobCounts(...JOB_STATES)));
        QUEUE_NAMES.forEach((queue, i) => {
          for (const state of JOB_STATES) this.set({ queue, state }, counts[i]?.[state] ?? 0);
        });
      } catch (error) {
        logger.warn({ err: (error as Error).message }, "queue depth not read");
      }
    },
  });
}
