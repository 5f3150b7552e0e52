/**
 * The web process's own metrics: Node's runtime figures and HTTP requests by route or tRPC
 * procedure. They live in this process: each web instance is its own scrape target. Kept on
 * globalThis because Next may load this module once per route bundle, and every route must
 * count into the same registry.
 */
import { Histogram, Registry, collectDefaultMetrics } from "prom-client";

function createWebMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "mt_http_request_duration_seconds",
    help: "HTTP requests until the response starts, by route (tRPC: trpc/<procedure>, method query|mutation) and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpDuration };
}

const globalForMetrics = globalThis as unknown as { webMetrics?: ReturnType<typeof createWebMetrics> };

export function webMetrics() {
  globalForMetrics.webMetrics ??= createWebMetrics();
  return globalForMetrics.webMetrics;
}

export function observeHttpRequest(route: string, method: string, status: number, seconds: number): void {
  webMetrics().httpDuration.observe({ route, method, status: String(status) }, seconds);
}

/** A route label with ids folded, so /api/v1/transactions/<uuid> is one series, not one per transaction. */
export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (/^[0-9a-f-]{32,36}$/i.test(segment) || /^\d+$/.test(segment) ? ":id" : segment))
    .join("/");
}
