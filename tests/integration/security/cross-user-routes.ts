/**
 * THE TABLES OF ROUTE HANDLERS for the cross-user sweep: every exported method of every
 * src/app/api/**\/route.ts, and every REST endpoint of src/server/rest/rest-endpoints.ts, must
 * have an entry, or the sweep fails.
 *
 * A route entry either runs checks as Bob (`run`) or says why the route holds no user object
 * reachable by id (`covered`). REST entries are requests made with Bob's read-write token.
 */
import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";
import type { Db } from "~/server/db";
import type { Alice, Bob } from "./cross-user-fixture";
import { MARKER } from "./cross-user-fixture";
import type { RouteHandler } from "./route-handlers";

export type RouteCheck = {
  alice: Alice;
  bob: Bob;
  db: Db;
  handler: RouteHandler;
  /** Asserts the text holds nothing of Alice's. */
  noLeak: (text: string) => void;
};
export type RouteCase = { run: (check: RouteCheck) => Promise<void> } | { covered: string };

const url = (path: string) => `http://localhost:3000${path}`;

/** A browser POST from the app's own pages, with Bob's session (the sweep's next-auth mock). */
const sameOriginPost = (path: string, body?: unknown) =>
  new Request(url(path), {
    method: "POST",
    headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/** The queue dashboard is for operators (ADMIN_EMAILS, unset here); Bob, signed in, meets the 404 any stranger does. */
const queueDashboardHidden = (method: string): RouteCase => ({
  async run({ handler, alice, noLeak }) {
    const response = await handler(
      new Request(url(`/api/admin/queues/api/queues?jobs=${alice.transactionId}`), {
        method,
        headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
      }),
    );
    expect(response.status).toBe(404);
    noLeak(await response.text());
  },
});

async function readsNothingOfAlice({ handler, noLeak }: RouteCheck, path: string) {
  const response = await handler(new Request(url(path)));
  noLeak(await response.text());
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  "GET /api/health": { run: (c) => readsNothingOfAlice(c, "/api/health") },
  "GET /api/ready": { run: (c) => readsNothingOfAlice(c, "/api/ready") },
  "GET /api/docs": { run: (c) => readsNothingOfAlice(c, "/api/docs") },
  // Open outside production when METRICS_TOKEN is unset, as here: figures by route and queue, no one's data.
  "GET /api/metrics": {
    async run({ handler, noLeak }) {
      const response = await handler(new Request(url("/api/metrics")));
      expect(response.status).toBe(200);
      noLeak(await response.text());
    },
  },
  "GET /api/docs/openapi.json": { run: (c) => readsNothingOfAlice(c, "/api/docs/openapi.json") },
  "GET /api/auth/[...nextauth]": {
    covered:
      "next-auth's pages and session JSON take no object id; the session is swept through tRPC and tests/integration/auth",
  },
  "POST /api/auth/[...nextauth]": {
    covered: "sign-in and sign-out only; tests/integration/auth covers throttling and two-factor",
  },
  "GET /api/admin/queues/[[...path]]": queueDashboardHidden("GET"),
  "POST /api/admin/queues/[[...path]]": queueDashboardHidden("POST"),
  "PUT /api/admin/queues/[[...path]]": queueDashboardHidden("PUT"),
  "PATCH /api/admin/queues/[[...path]]": queueDashboardHidden("PATCH"),
  "DELETE /api/admin/queues/[[...path]]": queueDashboardHidden("DELETE"),
  "GET /api/trpc/[trpc]": { covered: "every procedure is swept one by one (cross-user-procedures.ts)" },
  "POST /api/trpc/[trpc]": { covered: "every procedure is swept one by one (cross-user-procedures.ts)" },
  "POST /api/account/export": {
    async run({ handler, noLeak }) {
      const crossSite = await handler(
        new Request(url("/api/account/export"), { method: "POST", headers: { origin: "https://evil.example" } }),
      );
      expect(crossSite.status).toBe(403);
      const response = await handler(sameOriginPost("/api/account/export"));
      expect(response.status).toBe(200);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      noLeak(
        Object.values(files)
          .map((file) => strFromU8(file))
          .join("\n"),
      );
    },
  },
  "GET /api/export/transactions": {
    async run({ handler, alice, noLeak }) {
      for (const query of [`format=csv&accountId=${alice.accountId}`, `format=csv&search=${MARKER}`, "format=xlsx"]) {
        const response = await handler(new Request(url(`/api/export/transactions?${query}`)));
        expect(response.status).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const files = query.includes("xlsx") ? Object.values(unzipSync(bytes)) : [bytes];
        noLeak(files.map((file) => strFromU8(file)).join("\n"));
      }
    },
  },
  "GET /api/export/monthly-report": {
    async run({ handler, noLeak }) {
      const response = await handler(new Request(url("/api/export/monthly-report?month=2026-03")));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      noLeak(Buffer.from(await response.arrayBuffer()).toString("latin1"));
    },
  },
  "POST /api/chat": {
    async run({ handler, alice, noLeak }) {
      const message = { role: "user", parts: [{ type: "text", text: "what did I spend on coffee?" }] };
      const intoAlices = await handler(sameOriginPost("/api/chat", { id: alice.conversationId, message }));
      expect(intoAlices.status).toBe(404);
      noLeak(await intoAlices.text());
    },
  },
  "POST /api/telegram/webhook": {
    async run({ handler, noLeak }) {
      const forged = await handler(
        new Request(url("/api/telegram/webhook"), {
          method: "POST",
          headers: { "x-telegram-bot-api-secret-token": "guess" },
          body: JSON.stringify({ update_id: 1, message: { text: "/spent", chat: { id: 1 } } }),
        }),
      );
      expect([403, 404]).toContain(forged.status);
      noLeak(await forged.text());
    },
  },
  "POST /api/plaid/webhook": {
    async run({ handler, alice, noLeak }) {
      const forged = await handler(
        new Request(url("/api/plaid/webhook"), {
          method: "POST",
          headers: { "plaid-verification": "not.a.jwt" },
          body: JSON.stringify({
            webhook_type: "TRANSACTIONS",
            webhook_code: "SYNC_UPDATES_AVAILABLE",
            item_id: alice.connectionId,
          }),
        }),
      );
      expect(forged.status).toBeGreaterThanOrEqual(400);
      noLeak(await forged.text());
    },
  },
  "GET /api/v1/[...path]": { covered: "each REST endpoint is swept below (REST_CASES)" },
  "POST /api/v1/[...path]": { covered: "each REST endpoint is swept below (REST_CASES)" },
  "PUT /api/v1/[...path]": { covered: "each REST endpoint is swept below (REST_CASES)" },
  "PATCH /api/v1/[...path]": { covered: "each REST endpoint is swept below (REST_CASES)" },
  "DELETE /api/v1/[...path]": { covered: "each REST endpoint is swept below (REST_CASES)" },
};

export type RestCase = {
  expect: "denied" | "no-leak";
  requests: (alice: Alice, bob: Bob) => { path: string; body?: unknown }[];
};

const march = "from=2026-03-01&to=2026-03-31";

export const REST_CASES: Record<string, RestCase> = {
  "GET /transactions": {
    expect: "no-leak",
    requests: (a) => [
      { path: "/transactions" },
      { path: `/transactions?accountId=${a.accountId}` },
      { path: `/transactions?search=${MARKER}&category=FOOD_AND_DRINK&direction=DEBIT&${march}` },
    ],
  },
  "GET /transactions/search": { expect: "no-leak", requests: () => [{ path: `/transactions/search?query=${MARKER}` }] },
  "GET /transactions/export": {
    expect: "no-leak",
    requests: (a) => [
      { path: `/transactions/export?format=csv&accountId=${a.accountId}` },
      { path: `/transactions/export?format=csv&search=${MARKER}&${march}` },
    ],
  },
  "GET /reports/monthly": { expect: "no-leak", requests: () => [{ path: "/reports/monthly?month=2026-03" }] },
  "GET /transactions/{id}": { expect: "denied", requests: (a) => [{ path: `/transactions/${a.transactionId}` }] },
  "POST /transactions/categorize": {
    expect: "denied",
    requests: (a) => [
      { path: "/transactions/categorize", body: { ids: [a.transactionId], category: "TRANSPORTATION" } },
    ],
  },
  "PUT /transactions/{id}/notes": {
    expect: "denied",
    requests: (a) => [{ path: `/transactions/${a.transactionId}/notes`, body: { notes: "bob", tags: [] } }],
  },
  "GET /accounts": { expect: "no-leak", requests: () => [{ path: "/accounts" }] },
  "GET /categories": { expect: "no-leak", requests: () => [{ path: "/categories" }] },
  "GET /categories/spending": { expect: "no-leak", requests: () => [{ path: `/categories/spending?${march}` }] },
  "GET /budgets": { expect: "no-leak", requests: () => [{ path: "/budgets" }] },
  "GET /budgets/{id}": { expect: "denied", requests: (a) => [{ path: `/budgets/${a.budgetId}` }] },
  "POST /budgets": {
    expect: "no-leak",
    requests: () => [
      {
        path: "/budgets",
        body: { name: "bob", category: null, amount: "5.00", period: "MONTHLY", startDate: "2026-01-01" },
      },
    ],
  },
};
