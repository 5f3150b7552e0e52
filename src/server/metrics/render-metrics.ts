import { Registry } from "prom-client";
import { logger } from "~/server/logger";
import { getRedis } from "~/server/redis";
import { registerQueueDepth } from "./queue-depth";
import { readSharedMetrics } from "./shared-metrics";
import { webMetrics } from "./web-metrics";

async function sharedRegistry(): Promise<Registry> {
  const registry = new Registry();
  try {
    for (const metric of await readSharedMetrics(getRedis())) {
      // The same wrapping prom-client's own AggregatorRegistry gives merged JSON metrics.
      registry.registerMetric({ ...metric, get: () => metric } as unknown as Parameters<Registry["registerMetric"]>[0]);
    }
  } catch (error) {
    // Redis down: the scrape still answers with this process's own metrics.
    logger.warn({ err: (error as Error).message }, "shared metrics not read");
  }
  return registry;
}

/** The Prometheus text exposition: this process's metrics followed by the deployment-wide ones. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const own = webMetrics().registry;
  registerQueueDepth(own);
  const shared = await sharedRegistry();
  const body = `${await own.metrics()}\n${await shared.metrics()}`;
  return { body, contentType: own.contentType };
}
