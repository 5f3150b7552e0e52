import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The fake Bot API (with Telegram's one-message-a-second flood control) and an SMTP sink,
// started before the app reads its environment.
const { fake, sink } = await vi.hoisted(async () => {
  const { startFakeTelegramEnv } = await import("../fake-telegram-env");
  const { SmtpSink } = await import("./smtp-sink");
  const started = { fake: await startFakeTelegramEnv({ perChatIntervalMs: 1000 }), sink: await SmtpSink.start() };
  process.env.SMTP_URL = started.sink.url;
  return started;
});

const { db } = await import("~/server/db");
const { createCaller } = await import("~/server/api/root");
const { getQueue, closeQueues } = await import("~/server/queue/producers");
const { raiseNotification } = await import("~/server/notification/raise-notification");
const { deliverNotification, defaultDeliveryDeps } = await import("~/server/notification/deliver-notification");
const { raiseSyncProblemAlert } = await import("~/server/notification/sync-alerts");
const { onTransactionsChanged } = await import("~/server/notification/on-transactions-changed");
const { deliveryJobId } = await import("~/server/notification/enqueue-delivery");
const { startWorkers, stopWorkers } = await import("~/workers/start-workers");
const { registry } = await import("~/workers/queue-config");
const { callerContext, createTestAccount, createTestTransaction, createTestUser } = await import("../factories");
const { linkTestChat } = await import("../fake-telegram-env");
const { waitUntil } = await import("../wait-until");

let workers: Worker[];
let chat = 880_000;

async function linkedUser(timezone = "Europe/Berlin") {
  const user = await createTestUser(db, { timezone });
  const chatId = ++chat;
  await linkTestChat(db, fake, user.id, chatId);
  return { user, chatId };
}

const row = (userId: string, channel: "TELEGRAM" | "EMAIL" | "IN_APP") =>
  db.notification.findFirstOrThrow({
    where: { userId, channel },
    select: { id: true, status: true, attempts: true, errorMessage: true, sentAt: true },
  });

const event = (userId: string, key: string) => ({
  userId,
  type: "goal_achieved" as const,
  dedupeKey: key,
  title: "Goal reached: Bike",
  message: "You have saved $500.00 of $500.00.",
});

beforeAll(() => {
  workers = startWorkers({ notify: registry.notify });
});

afterAll(async () => {
  await stopWorkers(workers, 5_000);
  await closeQueues();
  await fake.stop();
  await sink.stop();
});

describe("delivery through Telegram", () => {
  it("sends a large-transaction alert with its buttons and records it as sent", async () => {
    const { user, chatId } = await linkedUser();
    const account = await createTestAccount(db, user.id, { name: "Checking" });
    const today = new Date().toISOString().slice(0, 10);
    const tx = await createTestTransaction(
      db,
      { userId: user.id, accountId: account.id },
      { amount: "-742.10", date: today, category: "GENERAL_MERCHANDISE", description: "APPLE STORE" },
    );
    await createTestTransaction(db, { userId: user.id, accountId: account.id }, { amount: "-499.99", date: today });

    const result = await onTransactionsChanged(db, user.id, [tx.id]);
    expect(result.largeTransactionAlerts).toBe(1);

    const call = await fake.waitForCall((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId);
    expect(call.payload.text).toMatch(/^<b>Large transaction<\/b>\n-\$742\.10 at APPLE STORE/);
    const keyboard = (call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard).toHaveLength(2);
    expect(keyboard[0]).toHaveLength(3);
    expect(keyboard[1]).toEqual([{ text: "✓ Looks right", callback_data: expect.stringMatching(/^r:/) }]);
    await waitUntil(
      () => row(user.id, "TELEGRAM"),
      (r) => r.status === "SENT",
    );
    expect(await row(user.id, "TELEGRAM")).toMatchObject({ status: "SENT", attempts: 1, errorMessage: null });
  });

  it("waits out a 429's retry_after before sending again, without spending a retry", async () => {
    const { user, chatId } = await linkedUser();
    fake.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    });
    await raiseNotification(db, event(user.id, "goal-achieved:429"));

    const limited = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.response.ok === false && Number(c.payload.chat_id) === chatId,
    );
    const sent = await fake.waitForCall(
      (c) => c.method === "sendMessage" && c.response.ok && Number(c.payload.chat_id) === chatId,
    );
    expect(sent.at - limited.at).toBeGreaterThanOrEqual(2000);
    const delivered = await waitUntil(
      () => row(user.id, "TELEGRAM"),
      (r) => r.status === "SENT",
    );
    expect(delivered).toMatchObject({ attempts: 2, errorMessage: null });
    // Two calls to Telegram, but the job was delayed, not failed: one attempt of its five spent.
    const job = await getQueue("notify").getJob(deliveryJobId(delivered.id));
    expect(
      await waitUntil(
        () => job!.getState(),
        (s) => s === "completed",
      ),
    ).toBe("completed");
    expect((await getQueue("notify").getJob(deliveryJobId(delivered.id)))!.attemptsMade).toBe(1);
  });

  it("paces several messages to one chat at one a second, so Telegram's flood control never answers 429", async () => {
    const { user, chatId } = await linkedUser();
    for (const n of [1, 2, 3]) await raiseNotification(db, event(user.id, `goal-achieved:pace-${n}`));
    await waitUntil(
      async () => fake.sentMessages(chatId).length,
      (n) => n === 3,
    );
    const forChat = fake.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId);
    expect(forChat.filter((c) => !c.response.ok)).toEqual([]);
    const times = fake.sentMessages(chatId).map((m) => m.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(900);
  });

  it("turns Telegram off for a user who blocked the bot (403) and shows it in settings", async () => {
    const { user, chatId } = await linkedUser();
    fake.blockChat(chatId);
    await raiseNotification(db, event(user.id, "goal-achieved:blocked"));
    const failed = await waitUntil(
      () => row(user.id, "TELEGRAM"),
      (r) => r.status === "FAILED",
    );
    expect(failed.errorMessage).toBe("Forbidden: bot was blocked by the user");

    const settings = await createCaller(callerContext(db, user)).notification.settings();
    expect(settings.telegram).toMatchObject({ linked: true, blockedAt: expect.any(String) });
    // Later events are kept in the app only until the user unblocks the bot.
    await raiseNotification(db, event(user.id, "goal-achieved:after-block"));
    const channels = await db.notification.findMany({
      where: { userId: user.id, dedupeKey: "goal-achieved:after-block" },
      select: { channel: true },
    });
    expect(channels).toEqual([{ channel: "IN_APP" }]);
  });

  it("holds a message during the user's quiet hours, as a delayed job", async () => {
    const { user, chatId } = await linkedUser("UTC");
    const hour = new Date().getUTCHours();
    const pad = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await db.userPreferences.update({
      where: { userId: user.id },
      data: { quietHoursStart: pad(hour - 1), quietHoursEnd: pad(hour + 2) },
    });
    const [, telegramId] = await raiseNotification(db, event(user.id, "goal-achieved:quiet"));
    const job = await waitUntil(
      async () => getQueue("notify").getJob(deliveryJobId(telegramId!)),
      (j) => j !== undefined,
    );
    expect(
      await waitUntil(
        () => job!.getState(),
        (s) => s === "delayed",
      ),
    ).toBe("delayed");
    const fresh = await getQueue("notify").getJob(deliveryJobId(telegramId!));
    const releaseAt = fresh!.timestamp + fresh!.delay;
    expect(
      Math.abs(releaseAt - Date.parse(`${new Date().toISOString().slice(0, 10)}T${pad(hour + 2)}:00Z`)) % 86_400_000,
    ).toBeLessThan(5_000);
    expect((await row(user.id, "TELEGRAM")).status).toBe("PENDING");
    expect(fake.sentMessages(chatId)).toEqual([]);
  });

  it("retries a transient failure and records FAILED with the error on the last attempt", async () => {
    const { user } = await linkedUser();
    const ids = await db.notification.createManyAndReturn({
      data: [
        { userId: user.id, type: "goal_achieved", channel: "TELEGRAM", dedupeKey: "goal-achieved:502", message: "x" },
      ],
      select: { id: true },
    });
    const bad = { ok: false as const, error_code: 502, description: "Bad Gateway" };
    fake.failNext("sendMessage", bad);
    expect(await deliverNotification(db, ids[0]!.id, { finalAttempt: false })).toEqual({
      kind: "retry",
      error: "Bad Gateway",
    });
    expect(await row(user.id, "TELEGRAM")).toMatchObject({ status: "PENDING", errorMessage: "Bad Gateway" });
    fake.failNext("sendMessage", bad);
    // The chat's one-second pace applies to the retry as well.
    await new Promise((r) => setTimeout(r, 1200));
    expect(await deliverNotification(db, ids[0]!.id, { finalAttempt: true })).toEqual({
      kind: "failed",
      error: "Bad Gateway",
    });
    expect(await row(user.id, "TELEGRAM")).toMatchObject({
      status: "FAILED",
      attempts: 2,
      errorMessage: "Bad Gateway",
    });
  });
});

describe("delivery by email", () => {
  it("mails a bank-connection problem through SMTP as well as Telegram", async () => {
    const { user } = await linkedUser();
    const connectionId = crypto.randomUUID();
    const problem = {
      userId: user.id,
      connectionId,
      institutionName: "First Platypus Bank",
      errorCode: "ITEM_LOGIN_REQUIRED",
      reauthRequired: true,
    };
    await raiseSyncProblemAlert(db, problem);
    await raiseSyncProblemAlert(db, problem);
    await waitUntil(
      () => row(user.id, "EMAIL"),
      (r) => r.status === "SENT",
    );
    const mail = sink.received.filter((m) => m.to.some((to) => to.includes(user.email)));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.data).toContain("Subject: Sign in to First Platypus Bank again");
    await waitUntil(
      () => row(user.id, "TELEGRAM"),
      (r) => r.status === "SENT",
    );
  });

  it("records a refused recipient (SMTP 5xx) as failed without retrying", async () => {
    const user = await createTestUser(db);
    const [created] = await db.notification.createManyAndReturn({
      data: [{ userId: user.id, type: "sync_failed", channel: "EMAIL", dedupeKey: "sync:x", title: "t", message: "m" }],
      select: { id: true },
    });
    sink.rejectRecipients = true;
    const outcome = await deliverNotification(db, created!.id, { finalAttempt: false, deps: defaultDeliveryDeps() });
    sink.rejectRecipients = false;
    expect(outcome).toMatchObject({ kind: "failed", error: expect.stringContaining("550") });
    expect((await row(user.id, "EMAIL")).status).toBe("FAILED");
  });
});
