/**
 * The worker process: `npm run worker`. Consumes every queue in queue-config.ts and shuts down
 * gracefully on SIGTERM/SIGINT — running jobs finish, Redis and Postgres close — within 30 s.
 */
import { db } from "~/server/db";
import { env } from "~/server/env";
import { describeUnreachable } from "~/server/health/describe-unreachable";
import { logger } from "~/server/logger";
import { closeQueues } from "~/server/queue/producers";
import { startTelegramPolling } from "~/server/telegram/long-polling";
import { startTracing } from "~/server/tracing/start-tracing";
import { registry } from "./queue-config";
import { startSchedules } from "./schedules";
import { startWorkers, stopWorkers } from "./start-workers";

async function main() {
  const tracing = await startTracing("worker");
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    // Said plainly on stderr: this is for the person starting the worker, not for the log pipeline.
    console.error(describeUnreachable(error, "postgres", env.DATABASE_URL) ?? String(error));
    process.exit(1);
  }
  const workers = startWorkers(registry);
  await startSchedules();
  const telegramPolling = await startTelegramPolling();
  logger.info({ queues: Object.keys(registry) }, "worker started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    const hardStop = setTimeout(() => process.exit(1), 30_000).unref();
    await telegramPolling?.stop();
    await stopWorkers(workers);
    await closeQueues();
    await db.$disconnect();
    // Spans still in the batch would be lost with the process.
    await tracing?.shutdown();
    clearTimeout(hardStop);
    logger.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

void main();
