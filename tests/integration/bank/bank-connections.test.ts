/**
 * The bank router and the Plaid webhook route against the local Plaid server, through the real
 * SDK: linking, signing in again, disconnecting (each in the security log), signed webhooks
 * acting on the right connection, the webhook rate limit, and the 6-hourly sync schedule.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalPlaidServer, startLocalPlaidServer } from "~/local-services/plaid/start-local-plaid-server";

type Received = { body: string; verification: string };

let plaid: LocalPlaidServer;
let receiver: Server;
const received: Received[] = [];
// App modules read the environment once, so they are loaded after the servers' addresses are known.
let app: Awaited<ReturnType<typeof loadApp>>;

async function loadApp() {
  const [{ db }, { createCaller }, factories, route, producers, alerts, { createPlaidApi }] = await Promise.all([
    import("~/server/db"),
    import("~/server/api/root"),
    import("../factories"),
    import("~/app/api/plaid/webhook/route"),
    import("~/server/queue/producers"),
    import("~/workers/processors/alerts-schedule"),
    import("~/server/bank/providers/plaid/plaid-api"),
  ]);
  return { db, createCaller, factories, route, producers, alerts, api: createPlaidApi() };
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        verification: String(request.headers["plaid-verification"]),
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  plaid = await startLocalPlaidServer({ seed: "bank-router", today: "2026-06-30", historyDays: 30 });
  process.env.PLAID_ENV = "local";
  process.env.PLAID_LOCAL_URL = plaid.url;
  process.env.PLAID_WEBHOOK_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/plaid/webhook`;
  app = await loadApp();
});

afterAll(async () => {
  await app?.producers.closeQueues();
  await plaid?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

async function connectedUser() {
  const user = await app.factories.createTestUser(app.db);
  const caller = app.createCaller(app.factories.callerContext(app.db, user));
  const { connectionId } = await caller.bank.connectSandbox({ institutionId: "ins_109508" });
  const { providerItemId } = await app.db.bankConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { providerItemId: true },
  });
  return { user, caller, connectionId, itemId: providerItemId };
}

const auditActions = async (userId: string) =>
  (await app.db.auditLog.findMany({ where: { userId }, orderBy: { timestamp: "asc" }, select: { action: true } })).map(
    (a) => a.action,
  );

async function webhookFor(itemId: string, code: string): Promise<Received> {
  await plaid.control.settleWebhooks();
  const found = received.find((r) => {
    const body = JSON.parse(r.body) as { item_id?: string; webhook_code?: string };
    return body.item_id === itemId && body.webhook_code === code;
  });
  expect(found, `a ${code} webhook for ${itemId}`).toBeDefined();
  return found!;
}

const postWebhook = (webhook: Received, ip = "203.0.113.1") =>
  app.route.POST(
    new Request("http://localhost:3000/api/plaid/webhook", {
      method: "POST",
      headers: { "plaid-verification": webhook.verification, "x-forwarded-for": ip },
      body: webhook.body,
    }),
  );

const syncJob = (connectionId: string) =>
  app.producers
    .getQueue("bank-sync")
    .getJobs(["waiting", "delayed", "prioritized"])
    .then((jobs) => jobs.filter((j) => j.data.connectionId === connectionId));

describe("connecting and disconnecting a bank", () => {
  it("offers the bank picker, not Plaid Link, against the local server", async () => {
    const user = await app.factories.createTestUser(app.db);
    const caller = app.createCaller(app.factories.callerContext(app.db, user));
    expect(await caller.bank.linkMode()).toEqual({ mode: "picker", env: "local" });
  });

  it("records the connection in the security log and queues its first sync", async () => {
    const { user, connectionId } = await connectedUser();
    expect(await auditActions(user.id)).toEqual(["bank.connected"]);
    const entry = await app.db.auditLog.findFirstOrThrow({ where: { userId: user.id } });
    expect(entry).toMatchObject({ resourceType: "bank_connection", resourceId: connectionId });
    expect(JSON.stringify(entry)).not.toMatch(/access-/);
    expect((await syncJob(connectionId)).map((j) => j.data.trigger)).toEqual(["initial"]);
  });

  it("records a removal, whether the history is kept or deleted", async () => {
    const kept = await connectedUser();
    await kept.caller.bank.disconnect({ connectionId: kept.connectionId, keepHistory: true });
    expect(await auditActions(kept.user.id)).toEqual(["bank.connected", "bank.removed"]);
    const deleted = await connectedUser();
    await deleted.caller.bank.disconnect({ connectionId: deleted.connectionId, keepHistory: false });
    expect(await app.db.bankConnection.count({ where: { id: deleted.connectionId } })).toBe(0);
    const removal = await app.db.auditLog.findFirstOrThrow({
      where: { userId: deleted.user.id, action: "bank.removed" },
    });
    expect(removal.metadata).toMatchObject({ keptHistory: false });
  });
});

describe("a login that breaks, and is repaired", () => {
  it("a verified ITEM_LOGIN_REQUIRED webhook marks the connection and tells the user; signing in again resumes", async () => {
    const { user, caller, connectionId, itemId } = await connectedUser();
    const accessToken = await app.db.bankConnection
      .findUniqueOrThrow({ where: { id: connectionId }, select: { accessTokenEncrypted: true } })
      .then(async (c) =>
        (await import("~/server/bank/crypto/access-token-cipher")).decryptAccessToken(c.accessTokenEncrypted),
      );
    await app.api.sandboxItemResetLogin({ access_token: accessToken });

    const response = await postWebhook(await webhookFor(itemId, "ERROR"));
    expect(response.status).toBe(200);
    expect(await app.db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({
      status: "REAUTH_REQUIRED",
      errorCode: "ITEM_LOGIN_REQUIRED",
    });
    const told = await app.db.notification.findMany({ where: { userId: user.id, type: "sync_failed" } });
    expect(told.length).toBeGreaterThan(0);

    await expect(caller.bank.confirmReauth({ connectionId })).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.bank.createLinkToken({ connectionId });
    plaid.control.repairLogin(itemId);
    await caller.bank.confirmReauth({ connectionId });
    expect(await app.db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({
      status: "ACTIVE",
      errorCode: null,
    });
    expect(await auditActions(user.id)).toEqual(["bank.connected", "bank.reauthorized"]);
  });

  it("refuses a webhook whose body was changed after Plaid signed it, and changes nothing", async () => {
    const { connectionId, itemId } = await connectedUser();
    const genuine = await webhookFor(itemId, "SYNC_UPDATES_AVAILABLE");
    const tampered = { ...genuine, body: genuine.body.replace(itemId, `${itemId} `) };
    expect((await postWebhook(tampered)).status).toBeGreaterThanOrEqual(400);
    expect((await app.db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } })).status).not.toBe(
      "REAUTH_REQUIRED",
    );
  });
});

describe("the webhook route's rate limit", () => {
  it("answers 429 with Retry-After once one address sends more than 300 a minute, and not for others", async () => {
    const { itemId } = await connectedUser();
    const webhook = await webhookFor(itemId, "SYNC_UPDATES_AVAILABLE");
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await postWebhook(webhook, "198.51.100.7")).status);
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    const limited = await postWebhook(webhook, "198.51.100.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await postWebhook(webhook, "198.51.100.8")).status).toBe(200);
  });
});

describe("the 6-hourly sync", () => {
  it("queues one sync per connection that can sync, and none for one waiting for its user", async () => {
    const active = await connectedUser();
    const broken = await connectedUser();
    await app.db.bankConnection.update({ where: { id: broken.connectionId }, data: { status: "REAUTH_REQUIRED" } });
    await app.producers.getQueue("bank-sync").drain();
    await app.alerts.process({ task: "bank-syncs" });
    await app.alerts.process({ task: "bank-syncs" });
    expect((await syncJob(active.connectionId)).map((j) => j.data.trigger)).toEqual(["schedule"]);
    expect(await syncJob(broken.connectionId)).toEqual([]);
  });
});
