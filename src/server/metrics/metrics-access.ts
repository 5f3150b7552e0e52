import { timingSafeEqual } from "node:crypto";
import { env } from "~/server/env";

/**
 * Who may read /api/metrics: with METRICS_TOKEN set, a request bearing it; without, anyone
 * outside production (a developer's Prometheus) and nobody in production, where the figures
 * would tell a stranger how busy the service is.
 */
export function mayReadMetrics(authorization: string | null, token = env.METRICS_TOKEN, nodeEnv = env.NODE_ENV) {
  if (!token) return nodeEnv !== "production";
  const presented = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
