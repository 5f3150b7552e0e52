import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.ADMIN_EMAILS = "ops@example.com, Second.Admin@example.com";
});

const { enqueue, getQueue, closeQueues } = await import("~/server/queue/producers");
const { QUEUE_NAMES } = await import("~/server/queue/queues");
const { serveQueueDashboard } = await import("~/server/queue-dashboard/queue-dashboard");
const { env } = await import("~/server/env");

const session = (email: string) => ({ user: { id: randomUUID(), email }, sessionId: randomUUID() });
const admin = session("ops@example.com");
const get = (path: string, who: ReturnType<typeof session> | null) =>
  serveQueueDashboard(new Request(`${env.APP_URL}/api/admin/queues${path}`), who);

afterAll(async () => {
  await closeQueues();
});

describe("the queue dashboard", () => {
  it("is a 404 for the signed-out and for users not listed in ADMIN_EMAILS", async () => {
    for (const who of [null, session("someone@example.com"), session("ops@example.com.evil.test")]) {
      expect((await get("", who)).status).toBe(404);
      expect((await get("/api/queues", who)).status).toBe(404);
    }
  });

  it("shows an admin (email matched without regard to case) the dashboard page and its assets", async () => {
    const page = await get("", session("second.admin@EXAMPLE.com"));
    expect(page.status).toBe(200);
    const html = await page.text();
    // Assets are relative to the page's <base href>, as a browser resolves them.
    const base = /<base href="([^"]+)"/.exec(html)?.[1];
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(base).toBe("/api/admin/queues/");
    // Only its own scripts run; its link to Google Fonts is refused (checked in Chromium: the
    // dashboard renders, and that stylesheet is the one thing the policy blocks).
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("googleapis");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(script).toBeDefined();
    const asset = await serveQueueDashboard(new Request(new URL(`${base}${script}`, env.APP_URL)), admin);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
  });

  it("lists every queue with the jobs really waiting in Redis", async () => {
    const job = await enqueue("insights", { userId: randomUUID() }, { delay: 3_600_000 });
    const response = await get("/api/queues?activeQueue=insights&status=delayed", admin);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(body.queues.find((q) => q.name === "insights")?.counts.delayed).toBe(1);
    await getQueue("insights").remove(job.id!);
  });

  it("serves no file outside bull-board's static folder", async () => {
    for (const path of ["/static/../../package.json", "/static/%2e%2e/%2e%2e/package.json"]) {
      expect((await get(path, admin)).status).toBe(404);
    }
  });

  it("refuses actions posted from another site, even for an admin", async () => {
    const request = new Request(`${env.APP_URL}/api/admin/queues/api/queues/pause`, {
      method: "PUT",
      headers: { origin: "https://evil.example" },
    });
    expect((await serveQueueDashboard(request, admin)).status).toBe(404);
    expect(await getQueue("notify").isPaused()).toBe(false);
  });
});
