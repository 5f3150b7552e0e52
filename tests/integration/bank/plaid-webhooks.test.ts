/**
 * Webhooks from the local server, received over HTTP and verified the way the app's webhook
 * route will verify Plaid's: the key comes from /webhook_verification_key/get through the SDK.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookSigner } from "~/local-services/plaid/webhooks/webhook-signer";
import {
  LOCAL_CLIENT_ID,
  LOCAL_SECRET,
  startLocalPlaidServer,
  type LocalPlaidServer,
} from "~/local-services/plaid/start-local-plaid-server";
import { createPlaidApi } from "~/server/bank/providers/plaid/plaid-api";
import { PlaidProvider } from "~/server/bank/providers/plaid/plaid-provider";
import {
  createPlaidWebhookVerifier,
  createWebhookKeySource,
  verifyPlaidWebhook,
} from "~/server/bank/providers/plaid/verify-webhook";
import { interpretPlaidWebhook } from "~/server/bank/providers/plaid/webhook-events";

interface Received {
  body: string;
  verification: string | undefined;
}

let plaid: LocalPlaidServer;
let receiver: Server;
let received: Received[] = [];
let provider: PlaidProvider;
let verify: ReturnType<typeof createPlaidWebhookVerifier>;
let api: ReturnType<typeof createPlaidApi>;

async function nextWebhook(code: string): Promise<Received> {
  await plaid.control.settleWebhooks();
  const found = received.find((r) => JSON.parse(r.body).webhook_code === code);
  expect(found, `a ${code} webhook`).toBeDefined();
  return found!;
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        verification: request.headers["plaid-verification"] as string,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/plaid/webhook`;
  plaid = await startLocalPlaidServer({ seed: "webhooks", today: "2025-06-30", historyDays: 60 });
  api = createPlaidApi({ environment: "local", clientId: LOCAL_CLIENT_ID, secret: LOCAL_SECRET, localUrl: plaid.url });
  provider = new PlaidProvider(api, { webhookUrl, clientName: "tests", environment: "local" });
  verify = createPlaidWebhookVerifier(api);
});

afterAll(async () => {
  await plaid?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

async function linkedItem() {
  received = [];
  const { accessToken, providerItemId } = await provider.exchangePublicToken(
    await provider.createSandboxPublicToken("ins_109508"),
  );
  return { accessToken, itemId: providerItemId };
}

describe("signed webhooks", () => {
  it("announces a new item's transactions with a genuine SYNC_UPDATES_AVAILABLE", async () => {
    const { itemId } = await linkedItem();
    const webhook = await nextWebhook("SYNC_UPDATES_AVAILABLE");
    const parsed = await verify(webhook.body, webhook.verification);
    expect(parsed).toMatchObject({ webhook_type: "TRANSACTIONS", item_id: itemId, initial_update_complete: true });
    expect(interpretPlaidWebhook(parsed)).toEqual({ kind: "sync-available", itemId });
  });

  it("sends SYNC_UPDATES_AVAILABLE again when new transactions arrive", async () => {
    const { itemId } = await linkedItem();
    await plaid.control.settleWebhooks();
    received = [];
    plaid.control.addTransactions(itemId, { count: 2 });
    const webhook = await nextWebhook("SYNC_UPDATES_AVAILABLE");
    expect(JSON.parse(webhook.body).item_id).toBe(itemId);
  });

  it("rejects the genuine signature on a tampered body", async () => {
    await linkedItem();
    const webhook = await nextWebhook("SYNC_UPDATES_AVAILABLE");
    const tampered = webhook.body.replace('"SYNC_UPDATES_AVAILABLE"', '"DEFAULT_UPDATE"');
    await expect(verify(tampered, webhook.verification)).rejects.toThrow(/body does not match/);
  });

  it("rejects a webhook signed with a key Plaid never published", async () => {
    await linkedItem();
    const webhook = await nextWebhook("SYNC_UPDATES_AVAILABLE");
    const stranger = await createWebhookSigner();
    await expect(verify(webhook.body, await stranger.sign(webhook.body))).rejects.toThrow(/unknown verification key/);
  });

  it("rejects a genuine webhook delivered more than five minutes after it was signed", async () => {
    await linkedItem();
    const webhook = await nextWebhook("SYNC_UPDATES_AVAILABLE");
    const getKey = createWebhookKeySource(api);
    const later = new Date(Date.now() + 6 * 60_000);
    await expect(
      verifyPlaidWebhook({ body: webhook.body, verificationHeader: webhook.verification, getKey, now: later }),
    ).rejects.toThrow(/too old/);
  });

  it("sends ITEM ERROR when the login breaks, and LOGIN_REPAIRED when fixed", async () => {
    const { accessToken, itemId } = await linkedItem();
    await api.sandboxItemResetLogin({ access_token: accessToken });
    const broken = await nextWebhook("ERROR");
    const error = await verify(broken.body, broken.verification);
    expect(interpretPlaidWebhook(error)).toEqual({ kind: "reauth-required", itemId, code: "ITEM_LOGIN_REQUIRED" });
    plaid.control.repairLogin(itemId);
    const repaired = await nextWebhook("LOGIN_REPAIRED");
    expect(interpretPlaidWebhook(await verify(repaired.body, repaired.verification))).toEqual({
      kind: "login-repaired",
      itemId,
    });
  });

  it("fires a webhook on request, through Plaid's sandbox endpoint and the control", async () => {
    const { accessToken, itemId } = await linkedItem();
    await plaid.control.settleWebhooks();
    received = [];
    await api.sandboxItemFireWebhook({ access_token: accessToken, webhook_code: "DEFAULT_UPDATE" as never });
    const fired = await nextWebhook("DEFAULT_UPDATE");
    expect(await verify(fired.body, fired.verification)).toMatchObject({
      item_id: itemId,
      webhook_type: "TRANSACTIONS",
    });
    const delivery = await plaid.control.fireWebhook(itemId, "SYNC_UPDATES_AVAILABLE");
    expect(delivery).toMatchObject({ status: 200, error: null, itemId });
  });
});
