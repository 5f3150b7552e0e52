import { mayReadMetrics } from "~/server/metrics/metrics-access";
import { renderMetrics } from "~/server/metrics/render-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape target; 404 rather than 401 so a refused caller learns nothing about it. */
export async function GET(request: Request) {
  if (!mayReadMetrics(request.headers.get("authorization"))) return new Response("Not found", { status: 404 });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
