/**
 * bull-board (https://github.com/felixmosh/bull-board) over every queue, for operators only:
 * anyone else — signed out or not listed in ADMIN_EMAILS — gets the same 404 as for a page that
 * does not exist. Actions (retry, clean, remove) must come from the app's own origin.
 */
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { Hono } from "hono";
import type { AppSession } from "~/server/auth/session";
import { getQueue } from "~/server/queue/producers";
import { QUEUE_NAMES } from "~/server/queue/queues";
import { isSameOriginRequest } from "~/server/security/csrf";
import { isAdmin } from "./is-admin";
import { serveStaticFiles } from "./serve-static-files";

export const QUEUE_DASHBOARD_PATH = "/api/admin/queues";

function createDashboard(): Hono {
  const adapter = new HonoAdapter(serveStaticFiles).setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(getQueue(name))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: "Money Tracking queues" } },
  });
  return new Hono().route(QUEUE_DASHBOARD_PATH, adapter.registerPlugin());
}

const globalForDashboard = globalThis as unknown as { queueDashboard?: Hono };

/**
 * bull-board's page runs only its own bundled scripts and styles (plus an inline loading
 * animation). The Google Fonts stylesheet it links is refused on purpose — an operator's visit is
 * nobody else's business — and the page falls back to system fonts.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

export async function serveQueueDashboard(request: Request, session: AppSession | null): Promise<Response> {
  if (!isAdmin(session)) return notFound();
  if (request.method !== "GET" && !isSameOriginRequest(request)) return notFound();
  globalForDashboard.queueDashboard ??= createDashboard();
  const response = await globalForDashboard.queueDashboard.fetch(request);
  response.headers.set("cache-control", "no-store");
  response.headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
  return response;
}
