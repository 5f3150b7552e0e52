/**
 * The cross-user sweep: Bob, signed in, tries every tRPC procedure, every route handler and every
 * REST endpoint against Alice's objects — by id and through every filter — and gets nothing:
 * NOT_FOUND or FORBIDDEN, or a result without a trace of Alice, and Alice's rows never change.
 * The procedure and route lists come from the code (appRouter, src/app/api/**\/route.ts,
 * REST_ENDPOINTS); one without an entry in the tables fails here.
 *   tRPC table:  tests/integration/security/cross-user-procedures.ts
 *   route/REST:  tests/integration/security/cross-user-routes.ts
 */
import type { TRPCError } from "@trpc/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import { openUserSession } from "~/server/auth/user-sessions";
import { db } from "~/server/db";
import { REST_ENDPOINTS } from "~/server/rest/rest-endpoints";
import { callerContext } from "../factories";
import { type Alice, type Bob, aliceSecrets, aliceSnapshot, createAlice, createBob } from "./cross-user-fixture";
import { PROCEDURE_CASES } from "./cross-user-procedures";
import { REST_CASES, ROUTE_CASES } from "./cross-user-routes";
import { routeHandlers } from "./route-handlers";

// Route handlers read the session cookie through Next's cookies(), which needs Next's request scope; here the
// JWT always says "Bob". getAppSession still checks Bob's session row, as in production.
const signedIn = vi.hoisted(() => ({ as: null as null | { user: { id: string; email: string }; sessionId: string } }));
vi.mock("~/server/auth/session-cookie", () => ({ readSessionCookie: async () => signedIn.as }));

let alice: Alice;
let bob: Bob;
let aliceBefore: string;

beforeAll(async () => {
  alice = await createAlice(db);
  bob = await createBob(db);
});

// Each check compares with Alice's rows as they were just before it, so one leak fails one test, not all after it.
beforeEach(async () => {
  aliceBefore = await aliceSnapshot(db, alice);
});

function expectNoLeak(text: string, where: string) {
  for (const secret of aliceSecrets(alice)) {
    expect(text.includes(secret), `${where} revealed ${secret}`).toBe(false);
  }
}

async function expectAliceUntouched(where: string) {
  expect(await aliceSnapshot(db, alice), `${where} changed Alice's data`).toBe(aliceBefore);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function callProcedure(as: { id: string; email: string }, procedure: string, input: unknown): Promise<Outcome> {
  let target: unknown = createCaller(callerContext(db, as));
  for (const part of procedure.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    return { ok: true, value: await (target as (input: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    return { ok: false, error };
  }
}

const describeOutcome = (outcome: Outcome) =>
  outcome.ok ? (JSON.stringify(outcome.value) ?? "undefined") : `${(outcome.error as Error).message}`;

describe("every tRPC procedure", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("is in the sweep table — add an entry to cross-user-procedures.ts for each new procedure", () => {
    expect(procedures.filter((p) => !(p in PROCEDURE_CASES))).toEqual([]);
    expect(Object.keys(PROCEDURE_CASES).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it.each(procedures)("%s gives Bob nothing of Alice's", async (procedure) => {
    const entry = PROCEDURE_CASES[procedure];
    if (!entry) throw new Error(`${procedure} is missing from cross-user-procedures.ts`);
    const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[procedure]!._def
      .type;
    for (const input of entry.inputs(alice, bob)) {
      const where = `${procedure}(${JSON.stringify(input)})`;
      const outcome = await callProcedure(bob.user, procedure, input);
      if (entry.expect === "denied") {
        expect(outcome.ok, `${where} should be refused, got ${describeOutcome(outcome)}`).toBe(false);
        const code = (outcome as { error: TRPCError }).error.code;
        expect(["NOT_FOUND", "FORBIDDEN"], `${where} failed with ${code}`).toContain(code);
      } else if (!outcome.ok) {
        expect((outcome.error as TRPCError).code, `${where}: ${describeOutcome(outcome)}`).not.toBe(
          "INTERNAL_SERVER_ERROR",
        );
      }
      expectNoLeak(describeOutcome(outcome), where);
      await expectAliceUntouched(where);

      const proveInputIsReal = entry.expect === "denied" ? entry.aliceGets : entry.aliceSees;
      if (proveInputIsReal && type === "query") {
        const own = await callProcedure(alice.user, procedure, input);
        expect(own.ok, `${where} as Alice: ${describeOutcome(own)}`).toBe(true);
        if (entry.expect === "no-leak") {
          const text = describeOutcome(own);
          expect(
            aliceSecrets(alice).some((s) => text.includes(s)),
            `${where} as Alice shows her data`,
          ).toBe(true);
        }
      }
    }
  });
});

const routes = await routeHandlers();

describe("every route handler under src/app/api", () => {
  // The procedure sweep ran "sign out everywhere" as Bob; sign him in again.
  beforeEach(async () => {
    signedIn.as = {
      user: bob.user,
      sessionId: await openUserSession(db, bob.user.id, { userAgent: "bob", ipAddress: null }),
    };
  });

  it("is in the sweep table — add an entry to ROUTE_CASES for each new route or method", () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in ROUTE_CASES))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(routes.map((r) => [r.key, r] as const))("%s gives Bob nothing of Alice's", async (key, { handler }) => {
    const entry = ROUTE_CASES[key];
    if (!entry) throw new Error(`${key} is missing from ROUTE_CASES`);
    if ("covered" in entry) {
      expect(entry.covered.length).toBeGreaterThan(10);
      return;
    }
    await entry.run({ alice, bob, db, handler, noLeak: (text) => expectNoLeak(text, key) });
    await expectAliceUntouched(key);
  });
});

describe("every REST endpoint", () => {
  const endpoints = REST_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort();

  it("is in the sweep table — add an entry to REST_CASES for each new endpoint", () => {
    expect(endpoints.filter((e) => !(e in REST_CASES))).toEqual([]);
    expect(Object.keys(REST_CASES).filter((e) => !endpoints.includes(e))).toEqual([]);
  });

  it.each(endpoints)("%s gives Bob's token nothing of Alice's", async (endpoint) => {
    const { restHandler } = await import("~/server/rest/serve-rest");
    const serve = restHandler(db);
    const entry = REST_CASES[endpoint]!;
    const method = endpoint.split(" ")[0]!;
    const send = (token: string, request: { path: string; body?: unknown }) =>
      serve(
        new Request(`http://localhost:3000/api/v1${request.path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
        }),
      );
    for (const request of entry.requests(alice, bob)) {
      const where = `${method} ${request.path}`;
      const response = await send(bob.token, request);
      const text = await response.text();
      if (entry.expect === "denied")
        expect([403, 404], `${where}: ${response.status} ${text}`).toContain(response.status);
      else expect(response.status, `${where}: ${text}`).toBeLessThan(500);
      expectNoLeak(text, where);
      await expectAliceUntouched(where);
      if (entry.expect === "denied" && method === "GET") {
        expect((await send(alice.token, request)).status, `${where} as Alice`).toBe(200);
      }
    }
  });
});
