import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { db } = await import("~/server/db");
const { enqueue, getQueue, closeQueues } = await import("~/server/queue/producers");
const { onTransactionsChanged } = await import("~/server/notification/on-transactions-changed");
const { monthOf, todayIn, fromCalendarDate } = await import("~/server/time/calendar");
const { createTestAccount, createTestTransaction, createTestUser } = await import("../factories");
const { linkTestChat } = await import("../fake-telegram-env");
const { startWorkerProcess } = await import("./worker-processes");

type Worker = Awaited<ReturnType<typeof startWorkerProcess>>;

const CHAT = 4242;
let workers: Worker[] = [];
let userId: string;
let accountId: string;
let budgetId: string;
const today = todayIn("UTC");

async function settled(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(
      (["budget-check", "notify"] as const).map((q) =>
        getQueue(q).getJobCounts("waiting", "active", "delayed", "prioritized"),
      ),
    );
    const busy = counts.some((c) => Object.values(c).some((n) => n > 0));
    const pending = await db.notification.count({ where: { userId, status: "PENDING" } });
    if (!busy && pending === 0) return;
    if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(counts)}, ${pending} pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The same event, many times over, from both worker processes and from this one at once. */
async function storm(transactionIds: string[]) {
  await Promise.all([
    ...Array.from({ length: 10 }, () => enqueue("budget-check", { userId, day: today })),
    ...Array.from({ length: 4 }, () => onTransactionsChanged(db, userId, transactionIds)),
  ]);
  await settled();
  // Anything still on its way would arrive now.
  await new Promise((r) => setTimeout(r, 500));
}

const spend = (amount: string, description: string) =>
  createTestTransaction(db, { userId, accountId }, { amount, date: today, category: "FOOD_AND_DRINK", description });

const texts = () => fake.sentMessages(CHAT).map((m) => m.text.split("\n")[0]);

beforeAll(async () => {
  const user = await createTestUser(db, { timezone: "UTC" });
  userId = user.id;
  accountId = (await createTestAccount(db, userId)).id;
  await linkTestChat(db, fake, userId, CHAT);
  budgetId = (
    await db.budget.create({
      data: {
        userId,
        name: "Everything",
        category: null,
        amount: "100.00",
        startDate: fromCalendarDate(monthOf(today).from),
      },
    })
  ).id;
  workers = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all(workers.map((w) => w.stop()));
  expect(codes).toEqual([0, 0]);
  await closeQueues();
  await fake.stop();
});

describe("alerts with two worker processes and every event arriving many times", () => {
  it("sends the 80 % alert once", async () => {
    const tx = await spend("-85.00", "GROCER");
    await storm([tx.id]);
    expect(texts()).toEqual(["<b>Budget at 80 %: Everything</b>"]);
  }, 60_000);

  it("sends the 100 % alert once when spending passes the budget", async () => {
    const tx = await spend("-20.00", "BAKERY");
    await storm([tx.id]);
    expect(texts()).toEqual(["<b>Budget at 80 %: Everything</b>", "<b>Budget exceeded: Everything</b>"]);
  }, 60_000);

  it("sends one large-transaction alert and one 120 % alert for a big purchase", async () => {
    const tx = await spend("-750.00", "TELEVISION SHOP");
    await storm([tx.id]);
    expect(texts().slice(2).sort()).toEqual(["<b>Budget exceeded: Everything</b>", "<b>Large transaction</b>"]);
    expect(fake.sentMessages(CHAT)).toHaveLength(4);
  }, 60_000);

  it("leaves exactly one row per event and channel in the database", async () => {
    const rows = await db.notification.groupBy({
      by: ["dedupeKey", "channel", "status"],
      where: { userId },
      _count: { _all: true },
      // Channels sort in the enum's declared order: TELEGRAM before IN_APP.
      orderBy: [{ dedupeKey: "asc" }, { channel: "asc" }],
    });
    const start = monthOf(today).from;
    const large = await db.transaction.findFirstOrThrow({ where: { userId, description: "TELEVISION SHOP" } });
    const keys = [
      `budget:${budgetId}:${start}:100`,
      `budget:${budgetId}:${start}:120`,
      `budget:${budgetId}:${start}:80`,
      `large-tx:${accountId}:${large.providerTransactionId}`,
    ].sort();
    expect(rows).toEqual(
      keys.flatMap((dedupeKey) =>
        (["TELEGRAM", "IN_APP"] as const).map((channel) => ({
          dedupeKey,
          channel,
          status: "SENT",
          _count: { _all: 1 },
        })),
      ),
    );
  });
});
