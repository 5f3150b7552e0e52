/**
 * Alerts that start at the bank, through a real worker process: a large purchase fetched by a sync
 * (bank-sync → categorize → alert → notify → Telegram), a bank asking the user to sign in again,
 * and a sync that keeps failing until its last retry.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { fake, bankServer } = await vi.hoisted(async () => {
  const { startFakeTelegramEnv } = await import("../fake-telegram-env");
  const { startLocalPlaidServer } = await import("~/local-services/plaid/start-local-plaid-server");
  const telegram = await startFakeTelegramEnv();
  // The bank's "today" is the real one: large-transaction alerts only look at the last 7 days.
  const server = await startLocalPlaidServer({ seed: "sync-alerts", historyDays: 20, automaticWebhooks: false });
  process.env.PLAID_ENV = "local";
  process.env.PLAID_LOCAL_URL = server.url;
  return { fake: telegram, bankServer: server };
});

const { db } = await import("~/server/db");
const { formatMoney } = await import("~/lib/format");
const { closeQueues } = await import("~/server/queue/producers");
const { enqueueSync } = await import("~/server/bank/enqueue-sync");
const { decryptAccessToken } = await import("~/server/bank/crypto/access-token-cipher");
const { syncConnection } = await import("~/server/bank/sync/sync-connection");
const { categorizeDeps } = await import("~/server/categorize/categorize-deps");
const { connectTestUser, localBankProvider } = await import("../bank/local-bank");
const { linkTestChat } = await import("../fake-telegram-env");
const { startWorkerProcess } = await import("./worker-processes");

type Worker = Awaited<ReturnType<typeof startWorkerProcess>>;
let worker: Worker;
const bank = { server: bankServer, provider: localBankProvider(bankServer) };

/** A user with a bank connection whose history is already stored, and a linked Telegram chat. */
async function connectedUser(chatId: number) {
  const link = await connectTestUser(db, bank);
  await syncConnection(db, link.connectionId, "initial", {
    source: bank.provider,
    decryptAccessToken,
    categorize: categorizeDeps(),
  });
  await linkTestChat(db, fake, link.user.id, chatId);
  return link;
}

const sentTo = (chatId: number) => fake.sentMessages(chatId);

beforeAll(async () => {
  worker = await startWorkerProcess();
}, 120_000);

afterAll(async () => {
  expect(await worker.stop()).toBe(0);
  await closeQueues();
  await bankServer.close();
  await fake.stop();
});

describe("alerts that start at the bank", () => {
  it("a large purchase fetched by a sync reaches Telegram with its category buttons", async () => {
    const chatId = 7101;
    const link = await connectedUser(chatId);
    // Any purchase is "large" for this user, so the one the bank adds next must be announced.
    await db.userPreferences.update({ where: { userId: link.user.id }, data: { largeTransactionThreshold: "0.01" } });
    const [added] = bankServer.control.addTransactions(link.itemId, { count: 1 });
    await enqueueSync(link.connectionId, "webhook");

    const call = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.response.ok && Number(c.payload.chat_id) === chatId,
      30_000,
    );
    const stored = await db.transaction.findFirstOrThrow({
      where: { userId: link.user.id, providerTransactionId: added! },
      select: { amount: true, currency: true },
    });
    expect(stored.amount.isNegative()).toBe(true);
    const money = formatMoney(stored.amount.toFixed(2), stored.currency, "en-US");
    expect(call.payload.text).toContain(`<b>Large transaction</b>\n${money} at `);
    const keyboard = (call.payload.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard;
    expect(keyboard[0]).toHaveLength(3);
    expect(sentTo(chatId)).toHaveLength(1);
  }, 60_000);

  it("a bank asking the user to sign in again is announced once, however often it syncs", async () => {
    const chatId = 7102;
    const link = await connectedUser(chatId);
    bankServer.control.requireLogin(link.itemId);
    await enqueueSync(link.connectionId, "manual");
    const call = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.response.ok && Number(c.payload.chat_id) === chatId,
      30_000,
    );
    expect(call.payload.text).toMatch(/^<b>Sign in to First Platypus Bank again<\/b>/);
    await enqueueSync(link.connectionId, "schedule");
    await vi.waitUntil(async () => (await db.syncRun.count({ where: { connectionId: link.connectionId } })) >= 3, {
      timeout: 30_000,
      interval: 100,
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(sentTo(chatId)).toHaveLength(1);
    expect(
      await db.notification.count({ where: { userId: link.user.id, type: "sync_failed", channel: "IN_APP" } }),
    ).toBe(1);
  }, 60_000);

  it("a sync that fails on every retry tells the user after the last one, not before", async () => {
    const chatId = 7103;
    const link = await connectedUser(chatId);
    bankServer.control.injectError({
      code: "INTERNAL_SERVER_ERROR",
      times: 5,
      path: "/transactions/sync",
      itemId: link.itemId,
    });
    await enqueueSync(link.connectionId, "manual");
    const call = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.response.ok && Number(c.payload.chat_id) === chatId,
      80_000,
    );
    expect(call.payload.text).toMatch(/^<b>Could not update First Platypus Bank<\/b>/);
    const runs = await db.syncRun.findMany({
      where: { connectionId: link.connectionId, trigger: "manual" },
      select: { status: true, startedAt: true },
      orderBy: { startedAt: "asc" },
    });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED", "FAILED"]);
    const [alert] = await db.notification.findMany({
      where: { userId: link.user.id, type: "sync_failed", channel: "IN_APP" },
      select: { createdAt: true },
    });
    expect(alert!.createdAt.getTime()).toBeGreaterThanOrEqual(runs.at(-1)!.startedAt.getTime());
  }, 100_000);
});
