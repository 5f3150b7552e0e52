import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("~/server/db");
const { enqueue, getQueue, closeQueues } = await import("~/server/queue/producers");
const { jobPayloads } = await import("~/server/queue/queues");
const { handleRoute } = await import("~/server/security/route-response");
const { loggerOptions } = await import("~/server/logger");
const { runWithRequestId } = await import("~/server/request-context");
const { createTestUser } = await import("../factories");
const { startWorkerProcess } = await import("../notification/worker-processes");
const { waitUntil } = await import("../wait-until");

let userId: string;

/** A route that starts background work, as the Plaid webhook or an import does. */
const notifyRoute = handleRoute(async () => {
  const notification = await db.notification.create({
    // No Telegram chat is linked, so the worker fails the delivery and logs why.
    data: { userId, type: "test", channel: "TELEGRAM", dedupeKey: randomUUID(), message: "request id test" },
  });
  const job = await enqueue("notify", { notificationId: notification.id });
  return Response.json({ jobId: job.id, notificationId: notification.id });
});

const call = (headers: Record<string, string> = {}) =>
  notifyRoute(new Request("http://localhost/api/test", { method: "POST", headers }));

beforeAll(async () => {
  userId = (await createTestUser(db)).id;
});

afterAll(async () => {
  await closeQueues();
});

describe("a request id", () => {
  it("honours the caller's x-request-id, answers with it and puts it in the job the request enqueues", async () => {
    const response = await call({ "x-request-id": "edge-7f3a.1" });
    expect(response.headers.get("x-request-id")).toBe("edge-7f3a.1");
    const { jobId } = (await response.json()) as { jobId: string };
    const job = await getQueue("notify").getJob(jobId);
    expect(job?.data).toMatchObject({ requestId: "edge-7f3a.1" });
    expect(jobPayloads.notify.parse(job?.data).requestId).toBe("edge-7f3a.1");
    await job?.remove();
  });

  it("is generated when absent or malformed, never copied from a header that could forge log lines", async () => {
    const cases: Record<string, string>[] = [
      {},
      { "x-request-id": 'x" {"level":60}' },
      { "x-request-id": "a".repeat(200) },
    ];
    for (const headers of cases) {
      const response = await call(headers);
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const { jobId } = (await response.json()) as { jobId: string };
      const job = await getQueue("notify").getJob(jobId);
      expect(job?.data.requestId).toBe(requestId);
      await job?.remove();
    }
  });

  it("is refused by the job schema when it is not a plain token", () => {
    expect(jobPayloads.notify.safeParse({ notificationId: randomUUID(), requestId: "a b" }).success).toBe(false);
  });

  it("is stamped on every log line written while the request runs", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = pino({ ...loggerOptions, level: "info" }, sink);
    runWithRequestId("req-logs-1", () => log.info({ step: 1 }, "inside"));
    log.info("outside");
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-logs-1", step: 1, msg: "inside" });
    expect(JSON.parse(lines[1]!)).not.toHaveProperty("requestId");
  });

  it("follows the job into the worker process, whose log lines for it carry the same id", async () => {
    const worker = await startWorkerProcess();
    try {
      const response = await call({ "x-request-id": "req-into-worker-42" });
      const { notificationId } = (await response.json()) as { notificationId: string };
      await waitUntil(
        () => db.notification.findUniqueOrThrow({ where: { id: notificationId }, select: { status: true } }),
        (n) => n.status === "FAILED",
        30_000,
      );
      const line = await waitUntil(
        () =>
          worker
            .output()
            .split("\n")
            .find((l) => l.includes(notificationId)),
        (found) => found !== undefined,
      );
      expect(JSON.parse(line!)).toMatchObject({
        service: "worker",
        requestId: "req-into-worker-42",
        msg: "notification failed",
      });
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  }, 90_000);
});
