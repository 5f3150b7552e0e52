import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { db } = await import("~/server/db");
const { createCaller } = await import("~/server/api/root");
const { closeQueues } = await import("~/server/queue/producers");
const { onTransactionsChanged } = await import("~/server/notification/on-transactions-changed");
const { raiseNotification } = await import("~/server/notification/raise-notification");
const { checkBudgets } = await import("~/server/budget/check-budgets");
const { fromCalendarDate, monthOf, todayIn } = await import("~/server/time/calendar");
const { callerContext, createTestAccount, createTestTransaction, createTestUser } = await import("../factories");
const { linkTestChat } = await import("../fake-telegram-env");

const today = todayIn("UTC");
let user: { id: string; email: string };
let accountId: string;
const me = () => createCaller(callerContext(db, user));

const alertsFor = (transactionIds: string[]) => onTransactionsChanged(db, user.id, transactionIds);
const purchase = (amount: string, data: Partial<Parameters<typeof createTestTransaction>[2]> = {}) =>
  createTestTransaction(
    db,
    { userId: user.id, accountId },
    { amount, date: today, category: "GENERAL_MERCHANDISE", ...data },
  );

beforeAll(async () => {
  user = await createTestUser(db, { timezone: "UTC" });
  accountId = (await createTestAccount(db, user.id)).id;
  await linkTestChat(db, fake, user.id, 3131);
});

afterAll(async () => {
  await closeQueues();
  await fake.stop();
});

describe("large-transaction alerts", () => {
  it("alert at the threshold (500 by default), not below it", async () => {
    const at = await purchase("-500.00");
    const below = await purchase("-499.99");
    expect((await alertsFor([at.id, below.id])).largeTransactionAlerts).toBe(1);
  });

  it("leave out money moved between the user's own accounts, other currencies and old history", async () => {
    const transfer = await purchase("-900.00", { category: "TRANSFER_OUT" });
    const peer = await purchase("900.00", { category: "TRANSFER_IN" });
    await db.transaction.update({ where: { id: transfer.id }, data: { transferPeerId: peer.id } });
    const euro = await purchase("-900.00", { currency: "EUR" });
    const old = await purchase("-900.00", { date: "2025-01-15" });
    expect((await alertsFor([transfer.id, euro.id, old.id])).largeTransactionAlerts).toBe(0);
  });

  it("treat a posted transaction and the pending one it replaced as one purchase", async () => {
    const pending = await purchase("-650.00");
    const pendingId = (await db.transaction.findUniqueOrThrow({ where: { id: pending.id } })).providerTransactionId;
    expect((await alertsFor([pending.id])).largeTransactionAlerts).toBe(1);
    const posted = await purchase("-650.00");
    await db.transaction.update({ where: { id: posted.id }, data: { pendingTransactionId: pendingId } });
    expect((await alertsFor([posted.id])).largeTransactionAlerts).toBe(0);
  });

  it("follow the user's own threshold", async () => {
    await me().notification.updateSettings({ largeTransactionThreshold: "1000.00" });
    const tx = await purchase("-999.99");
    expect((await alertsFor([tx.id])).largeTransactionAlerts).toBe(0);
    expect((await me().notification.settings()).largeTransactionThreshold).toBe("1000.00");
    await me().notification.updateSettings({ largeTransactionThreshold: "500" });
  });

  it("stop when the rule is switched off, and stay in the app when it has no channels", async () => {
    await me().notification.setRule({ type: "large_transaction", enabled: false, channels: ["TELEGRAM"] });
    expect((await alertsFor([(await purchase("-700.00")).id])).largeTransactionAlerts).toBe(0);

    await me().notification.setRule({ type: "large_transaction", enabled: true, channels: [] });
    const tx = await purchase("-710.00");
    await alertsFor([tx.id]);
    const rows = await db.notification.findMany({
      where: { userId: user.id, message: { contains: "$710.00" } },
      select: { channel: true },
    });
    expect(rows).toEqual([{ channel: "IN_APP" }]);
    const rules = await me().notification.rules();
    expect(rules.find((r) => r.type === "large_transaction")).toEqual({
      type: "large_transaction",
      label: "Large transactions",
      enabled: true,
      channels: [],
    });
    await me().notification.setRule({ type: "large_transaction", enabled: true, channels: ["TELEGRAM"] });
  });
});

describe("budget alerts passing several thresholds at once", () => {
  it("record each threshold in the app but send only the highest", async () => {
    const { id: budgetId } = await db.budget.create({
      data: {
        userId: user.id,
        name: "Gadgets",
        category: "ELECTRONICS",
        amount: "100.00",
        startDate: fromCalendarDate(monthOf(today).from),
      },
    });
    await purchase("-130.00", { category: "ELECTRONICS" });
    await checkBudgets(db, user.id);
    const rows = await db.notification.findMany({
      where: { userId: user.id, type: "budget_threshold" },
      select: { dedupeKey: true, channel: true },
      orderBy: [{ dedupeKey: "asc" }, { channel: "asc" }],
    });
    const key = (t: number) => `budget:${budgetId}:${monthOf(today).from}:${t}`;
    expect(rows).toEqual([
      { dedupeKey: key(100), channel: "IN_APP" },
      { dedupeKey: key(120), channel: "TELEGRAM" },
      { dedupeKey: key(120), channel: "IN_APP" },
      { dedupeKey: key(80), channel: "IN_APP" },
    ]);
  });
});

describe("history", () => {
  it("lists one entry per event, newest first, with how each channel fared, in pages", async () => {
    const first = await me().notification.list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.items[0]!.deliveries.every((d) => d.channel !== "IN_APP")).toBe(true);
    const rest = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await me().notification.list({ limit: 3, cursor });
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const all = [...first.items, ...rest];
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(all.length).toBe(await db.notification.count({ where: { userId: user.id, channel: "IN_APP" } }));
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(all);
  });

  it("counts unread entries and marks them read", async () => {
    const { count } = await me().notification.unreadCount();
    expect(count).toBeGreaterThan(1);
    const [newest] = (await me().notification.list({ limit: 1 })).items;
    await me().notification.markRead({ ids: [newest!.id] });
    expect((await me().notification.unreadCount()).count).toBe(count - 1);
    await me().notification.markAllRead();
    expect((await me().notification.unreadCount()).count).toBe(0);
    expect((await me().notification.list({ unreadOnly: true })).items).toEqual([]);
  });

  it("rejects a forged cursor and shows nothing to another user", async () => {
    await expect(me().notification.list({ cursor: "bm9wZQ" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const stranger = await createTestUser(db);
    const asStranger = createCaller(callerContext(db, stranger));
    expect((await asStranger.notification.list({})).items).toEqual([]);
    const [mine] = (await me().notification.list({ limit: 1 })).items;
    await asStranger.notification.markRead({ ids: [mine!.id] });
    expect(await db.notification.count({ where: { id: mine!.id, readAt: null } })).toBe(0);
  });
});

describe("settings", () => {
  it("needs both ends of quiet hours", async () => {
    await expect(me().notification.updateSettings({ quietHoursStart: "22:00" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      me().notification.updateSettings({ quietHoursStart: "25:00", quietHoursEnd: "07:00" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const saved = await me().notification.updateSettings({
      quietHoursStart: "22:00",
      quietHoursEnd: "07:00",
      weeklyReportDay: "SUNDAY",
    });
    expect(saved).toMatchObject({ quietHoursStart: "22:00", quietHoursEnd: "07:00", weeklyReportDay: "SUNDAY" });
  });

  it("unlinks Telegram, after which events stay in the app", async () => {
    expect((await me().notification.settings()).telegram).toEqual({
      available: true,
      botUsername: fake.bot.username,
      linked: true,
      blockedAt: null,
    });
    await me().notification.unlinkTelegram();
    expect((await me().notification.settings()).telegram.linked).toBe(false);
    const ids = await raiseNotification(db, {
      userId: user.id,
      type: "goal_achieved",
      dedupeKey: `goal-achieved:${randomUUID()}`,
      title: "t",
      message: "m",
    });
    expect(ids).toHaveLength(1);
  });
});
