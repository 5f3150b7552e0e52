import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { db } = await import("~/server/db");
const { enqueue, getQueue, closeQueues } = await import("~/server/queue/producers");
const { createCaller } = await import("~/server/api/root");
const { commitImport } = await import("~/server/import/commit-import");
const { cachedAnalytics } = await import("~/server/analytics/analytics-cache");
const { recordLlmUsage } = await import("~/server/llm/record-usage");
const { getRedis } = await import("~/server/redis");
const { POST: plaidWebhook } = await import("~/app/api/plaid/webhook/route");
const { callerContext, createTestAccount, createTestUser } = await import("../factories");
const { linkTestChat } = await import("../fake-telegram-env");
const { startWorkerProcess } = await import("../notification/worker-processes");
const { waitUntil } = await import("../wait-until");
const { sample, scrapeText } = await import("./scrape");

const CHAT = 5151;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let user: { id: string; email: string };
let accountId: string;

beforeAll(async () => {
  user = await createTestUser(db, { timezone: "UTC" });
  accountId = (await createTestAccount(db, user.id)).id;
  await linkTestChat(db, fake, user.id, CHAT);
  worker = await startWorkerProcess();
}, 90_000);

afterAll(async () => {
  expect(await worker.stop()).toBe(0);
  await closeQueues();
  await fake.stop();
});

describe("/api/metrics after real work", () => {
  it("counts requests, jobs done in the worker process, ingestion, notifications, LLM use, cache and queue depth", async () => {
    const before = await scrapeText();
    expect(before).toContain("# TYPE mt_http_request_duration_seconds histogram");
    expect(before).toContain("process_resident_memory_bytes");

    // A tRPC query that succeeds, one refused for want of a session, and a route handler refusing an unsigned webhook.
    await createCaller(callerContext(db, user)).budget.list();
    await expect(createCaller(callerContext(db, null)).budget.list()).rejects.toThrow();
    const webhook = await plaidWebhook(
      new Request("http://localhost/api/plaid/webhook", { method: "POST", body: "{}" }),
    );

    // Three imported rows: ingested here, categorized by the worker process.
    const csv = Buffer.from(
      "Date,Description,Amount\n2024-03-01,COFFEE,-4.50\n2024-03-02,RENT,-1200.00\n2024-03-03,PAY,2500.00\n",
    );
    expect((await commitImport(db, { userId: user.id, accountId }, csv)).added).toBe(3);

    // A notification the worker process delivers to the (fake) Telegram Bot API.
    const notification = await db.notification.create({
      data: { userId: user.id, type: "test", channel: "TELEGRAM", dedupeKey: randomUUID(), message: "metrics test" },
    });
    await enqueue("notify", { notificationId: notification.id });

    // An analytics miss then a hit, recorded LLM usage, and a delayed job that only sits in its queue.
    const compute = async () => ({ total: "1.00" });
    await cachedAnalytics(user.id, "metrics-test", { n: 1 }, compute);
    await cachedAnalytics(user.id, "metrics-test", { n: 1 }, compute);
    await recordLlmUsage(getRedis(), {
      purpose: "categorize",
      inputTokens: 1000,
      outputTokens: 200,
      model: "gpt-4o-mini",
    });
    const parked = await enqueue("insights", { userId: user.id }, { delay: 3_600_000 });

    await waitUntil(
      () => db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { status: true } }),
      (n) => n.status === "SENT",
      30_000,
    );
    const after = await waitUntil(
      scrapeText,
      (text) =>
        sample(text, "mt_jobs_completed_total", { queue: "categorize" }) >= 1 &&
        sample(text, "mt_notifications_total", { channel: "TELEGRAM", outcome: "sent" }) >= 1,
      30_000,
    );
    const grew = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);

    expect(
      grew("mt_http_request_duration_seconds_count", { route: "trpc/budget.list", method: "query", status: "200" }),
    ).toBe(1);
    expect(
      grew("mt_http_request_duration_seconds_count", { route: "trpc/budget.list", method: "query", status: "401" }),
    ).toBe(1);
    expect(
      grew("mt_http_request_duration_seconds_count", {
        route: "/api/plaid/webhook",
        method: "POST",
        status: String(webhook.status),
      }),
    ).toBe(1);
    expect(grew("mt_transactions_ingested_total", { source: "import" })).toBe(3);
    expect(grew("mt_notifications_total", { channel: "TELEGRAM", outcome: "sent" })).toBe(1);
    expect(grew("mt_jobs_completed_total", { queue: "notify" })).toBe(1);
    expect(grew("mt_job_duration_seconds_count", { queue: "notify" })).toBe(1);
    expect(grew("mt_job_wait_seconds_bucket", { queue: "notify", le: "+Inf" })).toBe(1);
    expect(grew("mt_analytics_cache_requests_total", { result: "miss" })).toBe(1);
    expect(grew("mt_analytics_cache_requests_total", { result: "hit" })).toBe(1);
    expect(grew("mt_llm_calls_total", { purpose: "categorize" })).toBe(1);
    expect(grew("mt_llm_tokens_total", { purpose: "categorize", kind: "input" })).toBe(1000);
    // gpt-4o-mini: 1,000 × $0.15/M + 200 × $0.60/M = $0.00027.
    expect(grew("mt_llm_cost_usd_total", { purpose: "categorize" })).toBeCloseTo(0.00027, 8);
    expect(sample(after, "mt_queue_jobs", { queue: "insights", state: "delayed" })).toBeGreaterThanOrEqual(1);
    expect(fake.sentMessages(CHAT)).toHaveLength(1);
    await getQueue("insights").remove(parked.id!);
  }, 90_000);
});
