/**
 * Fault drill (`npm run drill`, one run per invocation): two worker processes sync banks and deliver alerts
 * while the drill kills one with SIGKILL in the middle of a sync, kills and restarts Redis, and
 * restarts PostgreSQL. Then it checks that every transaction is stored once (equal to the bank's
 * own list), every due Telegram notification was sent once, and that the workers recovered by
 * themselves. Runs on a Postgres cluster and a Redis of its own (ports 5499 and 6390, under /tmp);
 * the local Plaid server and a fake Telegram Bot API stand in for the outside world.
 */
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { startPostgres, startRedis } from "./throwaway-services";

const USERS = 6;

async function untilItWorks<T>(what: string, attempt: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      // A webhook or a user's click against a service that is down is retried by its sender.
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await sleep(250);
    }
  }
}

async function drill() {
  const run = Date.now().toString(36);
  const postgres = startPostgres(5499);
  const redis = await startRedis(6390);
  const admin = new pg.Client({ connectionString: postgres.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE mt_drill");
  await admin.end();
  Object.assign(process.env, {
    DATABASE_URL: postgres.url("mt_drill"),
    REDIS_URL: redis.url,
    REDIS_PREFIX: `drill${run}`,
    PLAID_ENV: "local",
    LOG_LEVEL: "error",
  });
  await applyMigrations(process.env.DATABASE_URL!);

  const { startFakeTelegramEnv, linkTestChat } = await import("../../tests/integration/fake-telegram-env");
  const { startLocalBank, connectTestUser, bankSideIds, storedIds } =
    await import("../../tests/integration/bank/local-bank");
  const { startWorkerProcess } = await import("../../tests/integration/notification/worker-processes");
  const fake = await startFakeTelegramEnv();
  const bank = await startLocalBank({ historyDays: 730 });
  process.env.PLAID_LOCAL_URL = bank.server.url;
  const { db } = await import("~/server/db");
  const { enqueueSync } = await import("~/server/bank/enqueue-sync");
  const { raiseNotification } = await import("~/server/notification/raise-notification");
  const { getQueue, closeQueues } = await import("~/server/queue/producers");
  const { QUEUE_NAMES } = await import("~/server/queue/queues");

  const links: Awaited<ReturnType<typeof connectTestUser>>[] = [];
  for (let i = 0; i < USERS; i++) {
    const link = await connectTestUser(db, bank);
    await linkTestChat(db, fake, link.user.id, 9000 + i);
    links.push(link);
  }
  let workers = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
  const findings: string[] = [];
  const round = async (n: number) => {
    for (const link of links) {
      bank.server.control.addTransactions(link.itemId, { count: 5 });
      await untilItWorks("enqueue a sync", () => enqueueSync(link.connectionId, "webhook"));
      await untilItWorks("raise an alert", () =>
        raiseNotification(db, {
          userId: link.user.id,
          type: "large_transaction",
          dedupeKey: `drill:round:${n}`,
          title: "Drill",
          message: `Round ${n}`,
        }),
      );
    }
  };

  try {
    await round(1);
    const syncing = await untilItWorks(
      "see a sync in progress",
      async () => {
        const found = await db.bankConnection.findFirst({ where: { status: "SYNCING" }, select: { id: true } });
        if (!found) throw new Error("none yet");
        return found;
      },
      20_000,
    );
    workers[0]!.child.kill("SIGKILL");
    findings.push(`killed worker ${workers[0]!.child.pid} with SIGKILL while connection ${syncing.id} was syncing`);
    workers = [await startWorkerProcess(), workers[1]!];
    await round(2);
    await redis.restart(2_000);
    findings.push("Redis killed and restarted after 2 s");
    await round(3);
    postgres.restart();
    findings.push("PostgreSQL restarted (immediate shutdown)");
    await round(4);

    await untilItWorks(
      "all work to finish",
      async () => {
        const counts = await Promise.all(
          QUEUE_NAMES.filter((q) => q !== "alerts-schedule" && q !== "insights").map((q) =>
            getQueue(q).getJobCounts("waiting", "active", "delayed", "prioritized"),
          ),
        );
        const busy = counts.some((c) => Object.values(c).some((v) => v > 0));
        const pending = await db.notification.count({ where: { status: "PENDING" } });
        if (busy || pending > 0) throw new Error(`queues ${JSON.stringify(counts)}, ${pending} notifications pending`);
      },
      240_000,
    );

    const problems: string[] = [];
    for (const [i, link] of links.entries()) {
      const bankSide = await bankSideIds(bank.provider, link.accessToken);
      const stored = await storedIds(db, link.user.id);
      const rows = await db.transaction.count({ where: { userId: link.user.id } });
      if (
        rows !== bankSide.size ||
        stored.size !== bankSide.size ||
        [...bankSide].some(([id, a]) => stored.get(id) !== a)
      )
        problems.push(`user ${i}: ${rows} rows stored, bank has ${bankSide.size}`);
      const telegram = await db.notification.findMany({
        where: { userId: link.user.id, channel: "TELEGRAM" },
        select: { status: true },
      });
      const sent = fake.sentMessages(9000 + i).length;
      if (telegram.some((n) => n.status !== "SENT") || sent !== telegram.length)
        problems.push(`user ${i}: ${telegram.length} Telegram notifications, ${sent} messages sent`);
    }
    const dead = workers.filter((w) => w.child.exitCode !== null);
    if (dead.length) problems.push(`${dead.length} worker(s) exited instead of recovering`);
    const runs = await db.syncRun.groupBy({ by: ["status", "error"], _count: true });
    findings.push(
      `sync runs by outcome: ${runs.map((r) => `${r.status}${r.error ? ` (${r.error})` : ""}: ${r._count}`).join("; ")}`,
    );
    return { run, ok: problems.length === 0, problems, findings };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await closeQueues();
    await db.$disconnect();
    await bank.server.close();
    await fake.stop();
    redis.stop();
    postgres.stop();
  }
}

const result = await drill();
console.log(JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);
