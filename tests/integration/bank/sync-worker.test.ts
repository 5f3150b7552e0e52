/**
 * The bank-sync queue with real worker processes: retries with backoff, duplicate requests, and
 * a worker killed with SIGKILL in the middle of a sync.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCHMARK_INSTITUTION_ID } from "~/local-services/plaid/institutions";
import { enqueueSync } from "~/server/bank/enqueue-sync";
import { db } from "~/server/db";
import { closeQueues, getQueue } from "~/server/queue/producers";
import { bankSideIds, connectTestUser, startLocalBank, storedIds } from "./local-bank";

const ROOT = path.resolve(import.meta.dirname, "../../..");
let bank: Awaited<ReturnType<typeof startLocalBank>>;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/workers/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, PLAID_ENV: "local", PLAID_LOCAL_URL: bank.server.url, LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  workers.push(child);
  return child;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const succeededRuns = (connectionId: string) => db.syncRun.count({ where: { connectionId, status: "SUCCEEDED" } });

beforeAll(async () => {
  bank = await startLocalBank({ historyDays: 120 });
});
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
  await closeQueues();
  await bank.server.close();
});

describe("the bank-sync worker", () => {
  it("retries a rate-limited and a failing bank with backoff until the sync succeeds", async () => {
    const link = await connectTestUser(db, bank);
    bank.server.control.injectError({
      code: "RATE_LIMIT_EXCEEDED",
      times: 1,
      path: "/transactions/sync",
      itemId: link.itemId,
    });
    bank.server.control.injectError({
      code: "INTERNAL_SERVER_ERROR",
      times: 1,
      path: "/transactions/sync",
      itemId: link.itemId,
    });
    const worker = startWorker();
    await enqueueSync(link.connectionId, "manual");
    await waitFor("a successful sync", () => succeededRuns(link.connectionId));
    expect(await db.syncRun.count({ where: { connectionId: link.connectionId, status: "FAILED" } })).toBe(2);
    expect(await storedIds(db, link.user.id)).toEqual(await bankSideIds(bank.provider, link.accessToken));
    worker.kill("SIGTERM");
  });

  it("turns five requests for the same connection (duplicate webhooks) into one sync", async () => {
    const link = await connectTestUser(db, bank);
    await Promise.all(Array.from({ length: 5 }, () => enqueueSync(link.connectionId, "webhook")));
    expect(await getQueue("bank-sync").getWaitingCount()).toBe(1);
    const worker = startWorker();
    await waitFor("a successful sync", () => succeededRuns(link.connectionId));
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.syncRun.count({ where: { connectionId: link.connectionId } })).toBe(1);
    worker.kill("SIGTERM");
  });

  it("after a worker is killed with SIGKILL mid-sync, a restarted worker ends with every transaction exactly once", async () => {
    const link = await connectTestUser(db, bank, BENCHMARK_INSTITUTION_ID);
    const first = startWorker();
    await enqueueSync(link.connectionId, "initial");
    await waitFor("the sync to be paging", () =>
      db.syncRun.findFirst({ where: { connectionId: link.connectionId, status: "RUNNING", pages: { gte: 3 } } }),
    );
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    expect(await db.transaction.count({ where: { userId: link.user.id } })).toBe(0);

    startWorker();
    await waitFor("the sync to finish after the restart", () => succeededRuns(link.connectionId), 90_000);
    const stored = await storedIds(db, link.user.id);
    expect(stored.size).toBeGreaterThan(10_000);
    expect(stored).toEqual(await bankSideIds(bank.provider, link.accessToken));
    expect(await db.transaction.count({ where: { userId: link.user.id } })).toBe(stored.size);
  }, 150_000);
});
