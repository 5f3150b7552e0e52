/**
 * Two web instances and two worker processes on one Postgres and one Redis: every event reaches
 * both web instances, both workers consume every queue and both declare the schedules.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { db } = await import("~/server/db");
const { closeQueues, getQueue } = await import("~/server/queue/producers");
const { QUEUE_NAMES } = await import("~/server/queue/queues");
const { linkTestChat } = await import("../fake-telegram-env");
const { bankSideIds, connectTestUser, startLocalBank, storedIds } = await import("../bank/local-bank");
const { startWorkerProcess } = await import("../notification/worker-processes");
const { waitUntil } = await import("../wait-until");

const ROOT = path.resolve(import.meta.dirname, "../../..");
const USERS = 4;
type Link = Awaited<ReturnType<typeof connectTestUser>>;

let bank: Awaited<ReturnType<typeof startLocalBank>>;
let links: Link[] = [];
let workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];

function runWebInstance(input: { connectionIds: string[]; userIds: string[] }): Promise<string> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/integration/scale-out/web-instance.ts", JSON.stringify(input)],
    {
      cwd: ROOT,
      env: { ...process.env, PLAID_ENV: "local", PLAID_LOCAL_URL: bank.server.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`web instance exited ${code}:\n${output}`)),
    ),
  );
}

async function queuesDrained(): Promise<boolean> {
  const counts = await Promise.all(
    QUEUE_NAMES.filter((q) => q !== "alerts-schedule" && q !== "insights").map((q) =>
      getQueue(q).getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children"),
    ),
  );
  return counts.every((c) => Object.values(c).every((n) => n === 0));
}

beforeAll(async () => {
  bank = await startLocalBank({ historyDays: 60 });
  links = [];
  for (let i = 0; i < USERS; i++) {
    const link = await connectTestUser(db, bank);
    await linkTestChat(db, fake, link.user.id, 7000 + i);
    links.push(link);
  }
  const env = { PLAID_ENV: "local", PLAID_LOCAL_URL: bank.server.url };
  workers = await Promise.all([startWorkerProcess(env), startWorkerProcess(env)]);
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(workers.map((w) => w.stop()));
  expect(codes).toEqual([0, 0]);
  await closeQueues();
  await bank.server.close();
  await fake.stop();
});

describe("two web instances and two workers on one Postgres and one Redis", () => {
  it("complete all work with no transaction stored twice and no notification sent twice", async () => {
    const input = { connectionIds: links.map((l) => l.connectionId), userIds: links.map((l) => l.user.id) };
    await Promise.all([runWebInstance(input), runWebInstance(input)]);
    await waitUntil(
      async () => (await queuesDrained()) && (await db.notification.count({ where: { status: "PENDING" } })) === 0,
      Boolean,
      90_000,
    );

    for (const [i, link] of links.entries()) {
      const bankSide = await bankSideIds(bank.provider, link.accessToken);
      expect(bankSide.size).toBeGreaterThan(0);
      expect(await storedIds(db, link.user.id)).toEqual(bankSide);
      expect(await db.transaction.count({ where: { userId: link.user.id } })).toBe(bankSide.size);
      // Two syncs of one connection may overlap (a request after the first finished its fetch); the
      // later writer is refused as superseded, and nothing else may fail.
      const failed = await db.syncRun.findMany({
        where: { connectionId: link.connectionId, status: "FAILED" },
        select: { error: true },
      });
      expect(failed.filter((run) => run.error !== "Another sync of this connection finished first")).toEqual([]);

      const telegram = await db.notification.findMany({
        where: { userId: link.user.id, channel: "TELEGRAM" },
        select: { status: true, attempts: true },
      });
      expect(telegram.length).toBeGreaterThanOrEqual(1);
      expect(telegram.every((n) => n.status === "SENT" && n.attempts === 1)).toBe(true);
      expect(fake.sentMessages(7000 + i)).toHaveLength(telegram.length);
    }
    // The event raised on both web instances became one notification per channel.
    expect(await db.notification.count({ where: { dedupeKey: "scale-out:shared-event" } })).toBe(USERS * 2);
  }, 180_000);

  it("run each scheduled job once per tick although both workers declared every schedule", async () => {
    const queue = getQueue("alerts-schedule");
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      ["bank-syncs", "daily-reconcile", "digests", "owed-hooks", "redeliver-notifications"].sort(),
    );
    expect(await getQueue("insights").getJobSchedulers()).toHaveLength(1);

    // Tick every second for a while, on both workers.
    const started = Date.now();
    await queue.upsertJobScheduler(
      "redeliver-notifications",
      { every: 1000 },
      { name: "redeliver-notifications", data: { task: "redeliver" }, opts: { removeOnComplete: false } },
    );
    await new Promise((r) => setTimeout(r, 6_000));
    await queue.upsertJobScheduler(
      "redeliver-notifications",
      { every: 10 * 60_000 },
      { name: "redeliver-notifications", data: { task: "redeliver" } },
    );
    const elapsedTicks = Math.ceil((Date.now() - started) / 1000) + 1;

    const runs = (await queue.getJobs(["completed"])).filter(
      (job) => job.name === "redeliver-notifications" && job.timestamp >= started - 1000,
    );
    const ticks = new Set(runs.map((job) => job.opts.prevMillis ?? job.timestamp));
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(elapsedTicks);
    expect(ticks.size).toBe(runs.length);
  }, 60_000);
});
