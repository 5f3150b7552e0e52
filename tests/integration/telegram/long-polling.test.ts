import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { messageUpdate } = await import("~/local-services/telegram/update-builders");
const { startWorkerProcess } = await import("../notification/worker-processes");
const { waitUntil } = await import("../wait-until");

type Worker = Awaited<ReturnType<typeof startWorkerProcess>>;
const chat = { id: 5150, first_name: "Dev" };
let workers: Worker[] = [];

// No webhook secret: the workers long-poll, as in development.
const pollingEnv = { TELEGRAM_WEBHOOK_SECRET: "" };

async function askForHelp() {
  const before = fake.sentMessages(chat.id).length;
  await fake.postUpdate(messageUpdate(chat, "/help"));
  await waitUntil(
    () => fake.sentMessages(chat.id).length,
    (n) => n > before,
    20_000,
  );
  // A second poller would answer a second time; give it the chance.
  await new Promise((r) => setTimeout(r, 500));
  return fake.sentMessages(chat.id).length - before;
}

beforeAll(async () => {
  workers = await Promise.all([startWorkerProcess(pollingEnv), startWorkerProcess(pollingEnv)]);
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await fake.stop();
});

describe("long polling with several workers", () => {
  it("has exactly one worker polling, so each update is answered once and Telegram never sees two pollers", async () => {
    expect(await askForHelp()).toBe(1);
    expect(await askForHelp()).toBe(1);
    expect(fake.state.pollConflicts).toBe(0);
  }, 60_000);

  it("hands polling to another worker when the polling one stops", async () => {
    const leader = workers.find((w) => w.output().includes("telegram long polling started"))!;
    expect(workers.filter((w) => w.output().includes("telegram long polling started"))).toHaveLength(1);
    expect(await leader.stop()).toBe(0);
    expect(await askForHelp()).toBe(1);
    expect(fake.state.pollConflicts).toBe(0);
  }, 60_000);
});
