/**
 * The Plaid provider through the real `plaid` SDK, over HTTP, against the bundled local server:
 * the same path the app takes with PLAID_ENV=local.
 */
import type { PlaidApi } from "plaid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LOCAL_CLIENT_ID,
  LOCAL_SECRET,
  startLocalPlaidServer,
  type LocalPlaidServer,
} from "~/local-services/plaid/start-local-plaid-server";
import { createPlaidApi } from "~/server/bank/providers/plaid/plaid-api";
import { PlaidProvider } from "~/server/bank/providers/plaid/plaid-provider";
import { ProviderError, type SyncedTransaction } from "~/server/bank/sync/sync-source";

let server: LocalPlaidServer;
let api: PlaidApi;
let provider: PlaidProvider;

function providerFor(url: string, options: { secret?: string; webhookUrl?: string } = {}) {
  const plaid = createPlaidApi({
    environment: "local",
    clientId: LOCAL_CLIENT_ID,
    secret: options.secret ?? LOCAL_SECRET,
    localUrl: url,
  });
  return {
    api: plaid,
    provider: new PlaidProvider(plaid, {
      webhookUrl: options.webhookUrl ?? null,
      clientName: "Money Tracking tests",
      environment: "local",
    }),
  };
}

async function link(p: PlaidProvider = provider, institutionId = "ins_109508") {
  const publicToken = await p.createSandboxPublicToken(institutionId);
  return p.exchangePublicToken(publicToken);
}

/** Pages to the end, as the sync processor does. */
async function syncAll(accessToken: string, cursor: string | null, count = 500, p: PlaidProvider = provider) {
  const all = { added: [] as SyncedTransaction[], modified: [] as SyncedTransaction[], removed: [] as string[] };
  let pages = 0;
  let next = cursor;
  for (let hasMore = true; hasMore;) {
    const page = await p.syncTransactions(accessToken, next, count);
    expect(page.added.length + page.modified.length + page.removed.length).toBeLessThanOrEqual(count);
    all.added.push(...page.added);
    all.modified.push(...page.modified);
    all.removed.push(...page.removed);
    next = page.nextCursor;
    hasMore = page.hasMore;
    pages++;
  }
  return { ...all, cursor: next!, pages };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** The raw HTTP error the SDK (axios) throws, to check the wire format itself. */
async function rawError(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { response?: { status: number; data: Record<string, unknown> } } | null;
  expect(error?.response).toBeDefined();
  return error!.response!;
}

const ids = (transactions: { providerTransactionId: string }[]) => transactions.map((t) => t.providerTransactionId);
const itemIdOf = async (accessToken: string) => (await provider.getConnection(accessToken)).providerItemId;

beforeAll(async () => {
  server = await startLocalPlaidServer({ seed: "integration", today: "2025-06-30", historyDays: 120 });
  ({ api, provider } = providerFor(server.url));
});

afterAll(async () => {
  await server?.close();
});

describe("linking", () => {
  it("goes link token → sandbox public token → exchange → accounts", async () => {
    const linkToken = await provider.createLinkToken({ userId: "user-1" });
    expect(linkToken.linkToken).toMatch(/^link-sandbox-/);
    expect(linkToken.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const { accessToken, providerItemId } = await link();
    expect(accessToken).toMatch(/^access-sandbox-/);

    const accounts = await provider.getAccounts(accessToken);
    expect(accounts.map((a) => a.type)).toEqual(["CHECKING", "SAVINGS", "CREDIT"]);
    for (const account of accounts) {
      expect(account).toMatchObject({ currency: "USD", mask: expect.stringMatching(/^\d{4}$/) });
      expect(account.currentBalance).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(Number(accounts[2]!.currentBalance)).toBeLessThanOrEqual(0);

    expect(await provider.getConnection(accessToken)).toEqual({
      providerItemId,
      institutionId: "ins_109508",
      institutionName: "First Platypus Bank",
      error: null,
    });
  });

  it("refuses a public token used twice, and wrong API keys", async () => {
    const publicToken = await provider.createSandboxPublicToken("ins_109509");
    await provider.exchangePublicToken(publicToken);
    expect(await failure(provider.exchangePublicToken(publicToken))).toMatchObject({
      kind: "fatal",
      providerCode: "INVALID_PUBLIC_TOKEN",
    });
    const wrong = providerFor(server.url, { secret: "not-the-secret" }).provider;
    expect(await failure(wrong.createLinkToken({ userId: "u" }))).toMatchObject({
      kind: "fatal",
      providerCode: "INVALID_API_KEYS",
    });
  });

  it("answers institution lookups", async () => {
    const { data } = await api.institutionsGetById({ institution_id: "ins_109511", country_codes: ["US" as never] });
    expect(data.institution).toMatchObject({ institution_id: "ins_109511", name: "Tartan Bank", oauth: false });
    const list = await provider.listSandboxInstitutions();
    expect(list.map((i) => i.institutionId)).toContain("ins_109508");
  });
});

describe("/transactions/sync", () => {
  it("pages the first sync to has_more=false, count at a time, each transaction once", async () => {
    const { accessToken } = await link();
    const first = await syncAll(accessToken, null, 100);
    const itemId = await itemIdOf(accessToken);
    const count = server.control.items().find((i) => i.itemId === itemId)!.transactions;
    expect(first.added).toHaveLength(count);
    expect(first.pages).toBe(Math.ceil(count / 100));
    expect(new Set(ids(first.added)).size).toBe(count);
    expect(first.modified).toEqual([]);
    expect(first.removed).toEqual([]);
    for (const t of first.added) expect(t.amount).toMatch(/^-?\d+\.\d{2}$/);

    const again = await provider.syncTransactions(accessToken, first.cursor, 500);
    expect(again).toMatchObject({ added: [], modified: [], removed: [], hasMore: false, nextCursor: first.cursor });
  });

  it("caps count at Plaid's 500 and rejects more on the wire", async () => {
    const { accessToken } = await link();
    server.control.addTransactions(await itemIdOf(accessToken), { count: 400 });
    const page = await provider.syncTransactions(accessToken, null, 10_000);
    expect(page.added).toHaveLength(500);
    expect(page.hasMore).toBe(true);
    const response = await rawError(api.transactionsSync({ access_token: accessToken, count: 501 }));
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ error_type: "INVALID_REQUEST", error_code: "INVALID_FIELD" });
  });

  it("returns only the new transactions on an incremental sync", async () => {
    const { accessToken } = await link();
    const { cursor } = await syncAll(accessToken, null);
    const added = server.control.addTransactions(await itemIdOf(accessToken), { count: 7 });
    const next = await syncAll(accessToken, cursor);
    expect(ids(next.added).sort()).toEqual([...added].sort());
    expect(next.modified).toEqual([]);
    expect(next.removed).toEqual([]);
  });

  it("reports modified and removed transactions", async () => {
    const { accessToken } = await link();
    const first = await syncAll(accessToken, null);
    const before = new Map(first.added.map((t) => [t.providerTransactionId, t]));
    const itemId = await itemIdOf(accessToken);
    const modified = server.control.modifyTransactions(itemId, 4);
    const removed = server.control.removeTransactions(itemId, 3);

    const next = await syncAll(accessToken, first.cursor);
    expect(next.added).toEqual([]);
    expect(ids(next.modified).sort()).toEqual([...modified].filter((id) => !removed.includes(id)).sort());
    expect(next.removed.sort()).toEqual([...removed].sort());
    const changedAmounts = next.modified.filter((t) => t.amount !== before.get(t.providerTransactionId)!.amount);
    expect(changedAmounts.length).toBeGreaterThan(0);
  });

  it("replaces a pending transaction by a posted one with a new id that points back to it", async () => {
    const { accessToken } = await link();
    const first = await syncAll(accessToken, null);
    const pending = first.added.filter((t) => t.pending);
    expect(pending.length).toBeGreaterThan(0);
    for (const t of pending) expect(t.postedDate).toBeNull();

    const posted = server.control.postPending(await itemIdOf(accessToken));
    const next = await syncAll(accessToken, first.cursor);
    expect(next.removed.sort()).toEqual(ids(pending).sort());
    expect(next.added).toHaveLength(pending.length);
    for (const t of next.added) {
      expect(t.pending).toBe(false);
      expect(ids(pending)).toContain(t.pendingTransactionId);
      expect(ids(pending)).not.toContain(t.providerTransactionId);
      expect(posted).toContainEqual({
        pendingTransactionId: t.pendingTransactionId,
        transactionId: t.providerTransactionId,
      });
      const original = pending.find((p) => p.providerTransactionId === t.pendingTransactionId)!;
      expect(t.date).toBe(original.date);
    }
  });

  it("posts due authorizations when time moves on", async () => {
    const { accessToken } = await link();
    const first = await syncAll(accessToken, null);
    const pendingIds = ids(first.added.filter((t) => t.pending));
    server.control.advanceTime(await itemIdOf(accessToken), 4);
    const next = await syncAll(accessToken, first.cursor);
    expect(next.removed).toEqual(expect.arrayContaining(pendingIds));
    const replacements = next.added.filter(
      (t) => t.pendingTransactionId && pendingIds.includes(t.pendingTransactionId),
    );
    expect(replacements).toHaveLength(pendingIds.length);
    expect(next.added.some((t) => t.date > "2025-06-30")).toBe(true);
  });

  it("fails a page when the item changed mid-pagination, and succeeds when restarted from the first cursor", async () => {
    const { accessToken } = await link();
    const page1 = await provider.syncTransactions(accessToken, null, 50);
    expect(page1.hasMore).toBe(true);
    const [added] = server.control.addTransactions(await itemIdOf(accessToken), { count: 1 });
    expect(await failure(provider.syncTransactions(accessToken, page1.nextCursor, 50))).toMatchObject({
      kind: "restart-pagination",
      providerCode: "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
    });
    const restarted = await syncAll(accessToken, null, 50);
    expect(ids(restarted.added)).toContain(added);
  });

  it("returns an injected TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION once", async () => {
    const { accessToken } = await link();
    server.control.injectError({ code: "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", path: "/transactions/sync" });
    expect((await failure(provider.syncTransactions(accessToken, null, 100))).kind).toBe("restart-pagination");
    expect((await provider.syncTransactions(accessToken, null, 100)).added).toHaveLength(100);
  });
});

describe("errors, in Plaid's format", () => {
  it("returns an injected 429 RATE_LIMIT_EXCEEDED, classified as retry, then recovers", async () => {
    const { accessToken } = await link();
    server.control.injectError({ code: "RATE_LIMIT_EXCEEDED", path: "/transactions/sync" });
    const response = await rawError(api.transactionsSync({ access_token: accessToken }));
    expect(response.status).toBe(429);
    expect(response.data).toEqual(
      expect.objectContaining({
        error_type: "RATE_LIMIT_EXCEEDED",
        error_code: "TRANSACTIONS_SYNC_LIMIT",
        error_message: expect.any(String),
        display_message: expect.any(String),
        request_id: expect.stringMatching(/^[\w-]{15}$/),
      }),
    );
    server.control.injectError({ code: "RATE_LIMIT_EXCEEDED", path: "/transactions/sync" });
    expect(await failure(provider.syncTransactions(accessToken, null, 10))).toMatchObject({ kind: "retry" });
    expect((await provider.syncTransactions(accessToken, null, 10)).added).toHaveLength(10);
  });

  it("returns injected 500s for the next N calls, classified as retry", async () => {
    const { accessToken } = await link();
    const itemId = await itemIdOf(accessToken);
    server.control.injectError({ code: "INTERNAL_SERVER_ERROR", times: 2, itemId });
    const response = await rawError(api.accountsGet({ access_token: accessToken }));
    expect(response.status).toBe(500);
    expect(response.data).toMatchObject({
      error_type: "API_ERROR",
      error_code: "INTERNAL_SERVER_ERROR",
      display_message: expect.any(String),
    });
    expect(await failure(provider.syncTransactions(accessToken, null, 10))).toMatchObject({
      kind: "retry",
      providerCode: "INTERNAL_SERVER_ERROR",
    });
    expect(await provider.getAccounts(accessToken)).toHaveLength(3);
  });

  it("reports ITEM_LOGIN_REQUIRED as needing re-authentication, injected or lasting until repaired", async () => {
    const { accessToken } = await link();
    const itemId = await itemIdOf(accessToken);
    server.control.injectError({ code: "ITEM_LOGIN_REQUIRED", itemId });
    const injected = await rawError(api.transactionsSync({ access_token: accessToken }));
    expect(injected.data).toMatchObject({ error_type: "ITEM_ERROR", error_code: "ITEM_LOGIN_REQUIRED" });

    await api.sandboxItemResetLogin({ access_token: accessToken });
    expect(await failure(provider.syncTransactions(accessToken, null, 10))).toMatchObject({
      kind: "reauth",
      providerCode: "ITEM_LOGIN_REQUIRED",
    });
    expect(await failure(provider.getAccounts(accessToken))).toMatchObject({ kind: "reauth" });
    expect((await provider.getConnection(accessToken)).error).toMatchObject({
      code: "ITEM_LOGIN_REQUIRED",
      needsReauth: true,
    });

    server.control.repairLogin(itemId);
    expect((await provider.getConnection(accessToken)).error).toBeNull();
    expect((await provider.syncTransactions(accessToken, null, 10)).added).toHaveLength(10);
  });

  it("makes the access token useless once the connection is removed", async () => {
    const { accessToken } = await link();
    await provider.removeConnection(accessToken);
    expect(await failure(provider.getAccounts(accessToken))).toMatchObject({
      kind: "fatal",
      providerCode: "ITEM_NOT_FOUND",
    });
    expect(await failure(provider.getAccounts("access-sandbox-made-up"))).toMatchObject({
      kind: "fatal",
      providerCode: "INVALID_ACCESS_TOKEN",
    });
  });
});

describe("determinism", () => {
  async function firstSync(seed: string) {
    const fresh = await startLocalPlaidServer({ seed, today: "2025-06-30", historyDays: 120 });
    try {
      const p = providerFor(fresh.url).provider;
      const { accessToken } = await link(p);
      return (await syncAll(accessToken, null, 500, p)).added;
    } finally {
      await fresh.close();
    }
  }

  it("gives the same history, ids included, for the same seed and day on any server", async () => {
    const [a, b, other] = [await firstSync("integration"), await firstSync("integration"), await firstSync("another")];
    expect(b).toEqual(a);
    expect(other.map((t) => t.description)).not.toEqual(a.map((t) => t.description));
  });
});

describe("controls over HTTP, for other processes", () => {
  const post = async (action: string, body: object) => {
    const response = await fetch(`${server.url}/__control/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("moves an item's clock and injects errors the same way as in-process", async () => {
    const { accessToken } = await link();
    const itemId = await itemIdOf(accessToken);
    const { cursor } = await syncAll(accessToken, null);

    const advanced = await post("advance-time", { item_id: itemId, days: 2 });
    expect(advanced.status).toBe(200);
    const next = await syncAll(accessToken, cursor);
    // A new authorization that already posted within those days arrives as its posted replacement.
    const seen = new Set([...ids(next.added), ...next.added.map((t) => t.pendingTransactionId)]);
    expect((advanced.body.added as string[]).filter((id) => !seen.has(id))).toEqual([]);

    expect((await post("inject-error", { code: "INTERNAL_SERVER_ERROR", item_id: itemId })).status).toBe(200);
    expect((await failure(provider.getAccounts(accessToken))).providerCode).toBe("INTERNAL_SERVER_ERROR");

    const items = await fetch(`${server.url}/__control/items`).then(
      (r) => r.json() as Promise<{ items: { itemId: string }[] }>,
    );
    expect(items.items.map((i) => i.itemId)).toContain(itemId);
  });

  it("answers a bad control request with Plaid's error format", async () => {
    const bad = await post("advance-time", { item_id: "nope", days: 1 });
    expect(bad).toMatchObject({ status: 400, body: { error_code: "INVALID_FIELD", error_message: "no item nope" } });
    expect((await post("no-such-action", {})).status).toBe(404);
  });
});
