/**
 * Telegram's limits, as the real notify worker meets them against the fake Bot API, which
 * enforces them the way Telegram does (429 with retry_after): one message a second per chat and
 * 30 a second overall. Everything is judged on the fake's own receive times, never on how long
 * the test took. The app aims inside the limits (1.1 s per chat from Telegram's answer, at most
 * 25 jobs started in any second), which leaves room for the jitter between a worker starting a
 * job and its request reaching the server.
 */
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const PER_CHAT_MS = 1000;
const OVERALL_PER_SECOND = 30;

// Hoisted above the constants: the same limits, written out.
const fake = await vi.hoisted(async () =>
  (await import("../fake-telegram-env")).startFakeTelegramEnv({ perChatIntervalMs: 1000, overallPerSecond: 30 }),
);

const { db } = await import("~/server/db");
const { closeQueues } = await import("~/server/queue/producers");
const { raiseNotification } = await import("~/server/notification/raise-notification");
const { redisChatPacing } = await import("~/server/telegram/chat-pacing");
const { getRedis } = await import("~/server/redis");
const { env } = await import("~/server/env");
const { startWorkers, stopWorkers } = await import("~/workers/start-workers");
const { registry } = await import("~/workers/queue-config");
const { createTestUser } = await import("../factories");
const { linkTestChat } = await import("../fake-telegram-env");
const { waitUntil } = await import("../wait-until");

let workers: Worker[];
let nextChat = 770_000;

async function linkedUsers(count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const user = await createTestUser(db, { timezone: "UTC" });
      const chatId = ++nextChat;
      await linkTestChat(db, fake, user.id, chatId);
      return { userId: user.id, chatId };
    }),
  );
}

const alert = (userId: string, key: string) =>
  raiseNotification(db, {
    userId,
    type: "goal_achieved",
    dedupeKey: key,
    title: "Goal reached",
    message: `Alert ${key}`,
  });

const sendCalls = (chats: number[]) =>
  fake.calls.filter((c) => c.method === "sendMessage" && chats.includes(Number(c.payload.chat_id)));

/** The most calls at `times` (sorted) falling within any one second. */
function busiestSecond(times: number[]): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

async function waitForAllSent(userIds: string[], expected: number, timeoutMs: number) {
  await waitUntil(
    () => db.notification.count({ where: { userId: { in: userIds }, channel: "TELEGRAM", status: "SENT" } }),
    (n) => n === expected,
    timeoutMs,
  );
}

beforeAll(() => {
  workers = startWorkers({ notify: registry.notify });
});

afterAll(async () => {
  await stopWorkers(workers, 5_000);
  await closeQueues();
  await fake.stop();
});

describe("Telegram's limits", () => {
  it("delivers 60 alerts to 3 chats without two reaching a chat within a second, and without a 429", async () => {
    const users = await linkedUsers(3);
    for (let n = 0; n < 20; n++) {
      for (const { userId } of users) await alert(userId, `burst:${n}`);
    }
    await waitForAllSent(
      users.map((u) => u.userId),
      60,
      90_000,
    );
    const chats = users.map((u) => u.chatId);
    expect(sendCalls(chats).filter((c) => !c.response.ok)).toEqual([]);
    for (const chatId of chats) {
      const times = fake.sentMessages(chatId).map((m) => m.at);
      expect(times).toHaveLength(20);
      const gaps = times.slice(1).map((at, i) => at - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PER_CHAT_MS);
    }
  }, 120_000);

  it("sends 60 alerts to 60 chats at no more than 30 in any second, without a 429", async () => {
    const users = await linkedUsers(60);
    await Promise.all(users.map(({ userId }) => alert(userId, "fan-out")));
    await waitForAllSent(
      users.map((u) => u.userId),
      60,
      60_000,
    );
    const chats = users.map((u) => u.chatId);
    expect(sendCalls(chats).filter((c) => !c.response.ok)).toEqual([]);
    const times = fake
      .sentMessages()
      .filter((m) => chats.includes(m.chat_id))
      .map((m) => m.at);
    expect(times).toHaveLength(60);
    expect(busiestSecond(times)).toBeLessThanOrEqual(OVERALL_PER_SECOND);
  }, 90_000);

  it("holds a chat's messages for a 429's retry_after, then sends them a second apart", async () => {
    const [{ userId, chatId }] = (await linkedUsers(1)) as [{ userId: string; chatId: number }];
    fake.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    for (const n of [1, 2, 3]) await alert(userId, `after-429:${n}`);
    await waitForAllSent([userId], 3, 30_000);

    const calls = sendCalls([chatId]);
    const refused = calls.filter((c) => !c.response.ok);
    expect(refused).toHaveLength(1);
    const times = fake.sentMessages(chatId).map((m) => m.at);
    // Nothing reaches the chat before retry_after has passed, and the retry is not held much longer.
    expect(times[0]! - refused[0]!.at).toBeGreaterThanOrEqual(3000);
    expect(times[0]! - refused[0]!.at).toBeLessThan(3000 + 4000);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(PER_CHAT_MS);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(PER_CHAT_MS);
  }, 60_000);
});

describe("a chat's pace (Redis)", () => {
  const pacing = () => redisChatPacing(getRedis(), env.REDIS_PREFIX, 1000);

  it("gives messages that find the chat busy turns of their own, in order, instead of one moment for all", async () => {
    const waits = [];
    for (let n = 0; n < 5; n++) waits.push(await pacing().reserve("turns-chat"));
    expect(waits[0]).toBe(0);
    const queued = waits.slice(1);
    expect(queued[0]).toBeGreaterThan(400);
    for (let i = 1; i < queued.length; i++) expect(queued[i]! - queued[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Another chat is not held up by this one.
    expect(await pacing().reserve("other-chat")).toBe(0);
  });

  it("keeps the chat closed for the interval after Telegram answered, and for a retry_after", async () => {
    expect(await pacing().reserve("answered-chat")).toBe(0);
    await new Promise((r) => setTimeout(r, 1200));
    // Past the interval from the reservation, but the send has not been answered: still closed.
    expect(await pacing().reserve("answered-chat")).toBeGreaterThan(0);
    await pacing().release("answered-chat");
    expect(await pacing().reserve("answered-chat")).toBeGreaterThan(900);
    await pacing().pause("answered-chat", 5000);
    expect(await pacing().reserve("answered-chat")).toBeGreaterThan(4000);
  });
});
