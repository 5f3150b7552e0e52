import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const receiver = await vi.hoisted(async () => {
  const { OtlpReceiver } = await import("./otlp-receiver");
  const started = await OtlpReceiver.start();
  // Set before any app module reads the environment; the worker process inherits it.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = started.url;
  return started;
});

const { SpanKind } = await import("@opentelemetry/api");
const { db } = await import("~/server/db");
const { enqueue, closeQueues } = await import("~/server/queue/producers");
const { createCaller } = await import("~/server/api/root");
const { startTracing } = await import("~/server/tracing/start-tracing");
const { inSpan } = await import("~/server/tracing/in-span");
const { callerContext, createTestUser } = await import("../factories");
const { startWorkerProcess } = await import("../notification/worker-processes");
const { waitUntil } = await import("../wait-until");

let user: { id: string; email: string };

beforeAll(async () => {
  user = await createTestUser(db);
});

afterAll(async () => {
  await closeQueues();
  await receiver.stop();
});

describe("traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set", () => {
  it("exports the web side's spans and the worker's job span, which continues the request's trace", async () => {
    const tracing = await startTracing("web");
    expect(tracing).not.toBeNull();
    const worker = await startWorkerProcess();
    let notificationId = "";
    try {
      // What Next's request span and a tRPC mutation that enqueues work amount to.
      await inSpan("POST /api/trpc/test", { kind: SpanKind.SERVER }, async () => {
        await createCaller(callerContext(db, user)).budget.list();
        const notification = await db.notification.create({
          data: { userId: user.id, type: "test", channel: "TELEGRAM", dedupeKey: randomUUID(), message: "trace" },
        });
        notificationId = notification.id;
        await enqueue("notify", { notificationId });
      });
      await waitUntil(
        () => db.notification.findUniqueOrThrow({ where: { id: notificationId }, select: { status: true } }),
        (n) => n.status !== "PENDING",
        30_000,
      );
    } finally {
      // Both processes flush their batched spans as they shut down.
      expect(await worker.stop()).toBe(0);
      await tracing!.shutdown();
    }

    const spans = await waitUntil(
      () => receiver.spans,
      (all) => all.some((s) => s.service === "money-tracking-worker"),
    );
    const request = spans.find((s) => s.name === "POST /api/trpc/test");
    const procedure = spans.find((s) => s.name === "trpc budget.list");
    const job = spans.find((s) => s.name === "process notify");
    expect(request).toMatchObject({ service: "money-tracking-web" });
    expect(procedure).toMatchObject({
      service: "money-tracking-web",
      traceId: request!.traceId,
      parentSpanId: request!.spanId,
      attributes: { "rpc.method": "budget.list" },
    });
    expect(job).toMatchObject({
      service: "money-tracking-worker",
      traceId: request!.traceId,
      parentSpanId: request!.spanId,
      attributes: { "messaging.destination.name": "notify" },
    });
    expect(receiver.contentTypes.every((type) => type.startsWith("application/json"))).toBe(true);
  }, 90_000);
});
