import { describe, expect, it } from "vitest";
import { mayReadMetrics } from "~/server/metrics/metrics-access";
import { routeLabel } from "~/server/metrics/web-metrics";

const TOKEN = "a-metrics-token-of-some-length";

describe("who may read /api/metrics", () => {
  it("with METRICS_TOKEN set, only a request bearing exactly that token", () => {
    expect(mayReadMetrics(`Bearer ${TOKEN}`, TOKEN, "production")).toBe(true);
    expect(mayReadMetrics(`Bearer ${TOKEN}x`, TOKEN, "production")).toBe(false);
    expect(mayReadMetrics("Bearer wrong", TOKEN, "development")).toBe(false);
    expect(mayReadMetrics(null, TOKEN, "development")).toBe(false);
  });

  it("without a token: open in development and tests, closed in production", () => {
    expect(mayReadMetrics(null, undefined, "development")).toBe(true);
    expect(mayReadMetrics(null, undefined, "test")).toBe(true);
    expect(mayReadMetrics("Bearer anything", undefined, "production")).toBe(false);
  });
});

describe("route labels", () => {
  it("fold ids so one route is one series", () => {
    expect(routeLabel("/api/v1/transactions/0b6d9c1e-3f7a-4b7e-9a51-2c9a3b1f0e77")).toBe("/api/v1/transactions/:id");
    expect(routeLabel("/api/v1/accounts/42/transactions")).toBe("/api/v1/accounts/:id/transactions");
    expect(routeLabel("/api/v1/transactions/search")).toBe("/api/v1/transactions/search");
  });
});
