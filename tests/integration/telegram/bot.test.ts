import type { Telegraf } from "telegraf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => (await import("../fake-telegram-env")).startFakeTelegramEnv());

const { db } = await import("~/server/db");
const { createCaller } = await import("~/server/api/root");
const { closeQueues, getQueue } = await import("~/server/queue/producers");
const { createBot } = await import("~/server/telegram/bot");
const { questionEngine } = await import("~/server/telegram/question-engine");
const { telegramConfig } = await import("~/server/telegram/telegram-config");
const { createLinkCode } = await import("~/server/telegram/link-chat");
const { createGoal, addContribution } = await import("~/server/goal/manage-goals");
const { onTransactionsChanged } = await import("~/server/notification/on-transactions-changed");
const { deliverNotification } = await import("~/server/notification/deliver-notification");
const { fromCalendarDate } = await import("~/server/time/calendar");
const { messageUpdate, callbackQueryUpdate } = await import("~/local-services/telegram/update-builders");
const { callerContext, createTestAccount, createTestTransaction, createTestUser } = await import("../factories");
const { TEST_WEBHOOK_SECRET } = await import("../fake-telegram-env");
const { waitUntil } = await import("../wait-until");

// The bot's clock: Wednesday 18 March 2026, 13:00 in Berlin.
const NOW = new Date("2026-03-18T12:00:00Z");
const aliceChat = { id: 1001, first_name: "Alice", username: "alice" };
const bobChat = { id: 1002, first_name: "Bob" };

let bot: Telegraf;
let alice: { id: string; email: string };
let bob: { id: string; email: string };
let accountId: string;

/** Sends a message from the user's Telegram and returns the bot's reply. */
async function say(chat: { id: number; first_name: string }, text: string): Promise<string> {
  const before = fake.sentMessages(chat.id).length;
  await fake.postUpdate(messageUpdate(chat, text));
  await waitUntil(
    () => fake.sentMessages(chat.id).length,
    (n) => n > before,
  );
  return fake.sentMessages(chat.id).at(-1)!.text;
}

const CATEGORIES = [
  ["FOOD_AND_DRINK", "Food and Drink"],
  ["TRANSPORTATION", "Transportation"],
  ["GENERAL_MERCHANDISE", "General Merchandise"],
  ["GENERAL_SERVICES", "General Services"],
  ["ENTERTAINMENT", "Entertainment"],
  ["TRAVEL", "Travel"],
  ["INCOME", "Income"],
] as const;

beforeAll(async () => {
  await db.category.createMany({ data: CATEGORIES.map(([slug, label]) => ({ slug, primary: slug, label })) });
  alice = await createTestUser(db, { timezone: "Europe/Berlin" });
  bob = await createTestUser(db);
  accountId = (await createTestAccount(db, alice.id)).id;
  const own = { userId: alice.id, accountId };
  await createTestTransaction(db, own, {
    amount: "-12.34",
    date: "2026-03-18",
    category: "FOOD_AND_DRINK",
    description: "CAFE",
  });
  await createTestTransaction(db, own, {
    amount: "-7.66",
    date: "2026-03-18",
    category: "TRANSPORTATION",
    description: "METRO",
  });
  await createTestTransaction(db, own, {
    amount: "-100.00",
    date: "2026-03-02",
    category: "FOOD_AND_DRINK",
    description: "GROCER",
  });
  await createTestTransaction(db, own, {
    amount: "-55.00",
    date: "2026-02-10",
    category: "FOOD_AND_DRINK",
    description: "GROCER",
  });
  await createTestTransaction(db, own, {
    amount: "2000.00",
    date: "2026-03-05",
    category: "INCOME",
    description: "SALARY",
  });
  await db.budget.create({
    data: {
      userId: alice.id,
      name: "Food",
      category: "FOOD_AND_DRINK",
      amount: "150.00",
      startDate: fromCalendarDate("2026-01-01"),
    },
  });
  const goal = await createGoal(db, alice.id, { name: "Bike", targetAmount: "500.00" });
  await addContribution(db, alice.id, { goalId: goal.id, amount: "100.00", date: "2026-03-01" });

  bot = createBot(telegramConfig()!, { db, engine: questionEngine, now: () => NOW });
  void bot.launch();
  await fake.waitForCall((c) => c.method === "deleteWebhook");
});

afterAll(async () => {
  bot.stop("test over");
  await closeQueues();
  await fake.stop();
});

describe("linking a chat", () => {
  it("tells an unlinked chat how to link, for /start and for every command", async () => {
    expect(await say(aliceChat, "/start")).toMatch(/not linked to a Money Tracking account yet/);
    expect(await say(aliceChat, "/summary")).toMatch(/not linked/);
  });

  it("links with the one-time code and t.me link from the settings page", async () => {
    const link = await createCaller(callerContext(db, alice)).notification.createTelegramLink();
    expect(link.url).toBe(`https://t.me/${fake.bot.username}?start=${link.code}`);
    expect(await say(aliceChat, `/start ${link.code}`)).toMatch(/^Linked!/);
    const prefs = await db.userPreferences.findUniqueOrThrow({ where: { userId: alice.id } });
    expect(prefs.telegramChatId).toBe(String(aliceChat.id));

    // The same code from another chat does nothing: codes work once.
    expect(await say(bobChat, `/start ${link.code}`)).toMatch(/not valid any more/);
    expect((await db.userPreferences.findUniqueOrThrow({ where: { userId: alice.id } })).telegramChatId).toBe("1001");
  });

  it("refuses an expired code", async () => {
    const old = await createLinkCode(db, bob.id, new Date(Date.now() - 16 * 60_000));
    expect(await say(bobChat, `/start ${old.code}`)).toMatch(/not valid any more/);
    expect((await db.userPreferences.findUniqueOrThrow({ where: { userId: bob.id } })).telegramChatId).toBeNull();
  });
});

describe("commands", () => {
  it("/summary gives today and the month so far, exactly", async () => {
    expect(await say(aliceChat, "/summary")).toBe(
      [
        "Today (Mar 18): $20.00 in 2 transactions.",
        "This month: $120.00 in 3 transactions.",
        "",
        "Top categories this month:",
        "• Food and drink: $112.34",
        "• Transportation: $7.66",
      ].join("\n"),
    );
  });

  it("/budget shows every budget's running period", async () => {
    expect(await say(aliceChat, "/budget")).toBe(
      "Your budgets this period:\n• Food: $112.34 of $150.00 (74 %) — $37.66 left",
    );
  });

  it("/spent finds a category by a word of its name and takes an optional period", async () => {
    expect(await say(aliceChat, "/spent food")).toBe(
      "Food and Drink, this month (Mar 1 – Mar 18): $112.34 in 2 transactions.",
    );
    expect(await say(aliceChat, "/spent food last month")).toBe(
      "Food and Drink, last month (Feb 1 – Feb 28): $55.00 in 1 transaction.",
    );
    expect(await say(aliceChat, "/spent travel")).toBe("Travel, this month (Mar 1 – Mar 18): nothing spent.");
    expect(await say(aliceChat, "/spent yachts")).toMatch(/^I don't know a category called "yachts"/);
    expect(await say(aliceChat, "/spent")).toMatch(/^Which category\?/);
  });

  it("/goals shows progress and the date the recent pace reaches the target", async () => {
    // 100.00 in the 18 days since 1 March; 400.00 to go at that pace takes 72 days.
    expect(await say(aliceChat, "/goals")).toBe(
      "Your savings goals:\n• Bike: $100.00 of $500.00 (20 %) — on pace for May 29, 2026",
    );
  });

  it("answers in the number and date format the user chose in Settings", async () => {
    await db.user.update({ where: { id: alice.id }, data: { locale: "de-DE" } });
    try {
      expect(await say(aliceChat, "/budget")).toBe(
        "Your budgets this period:\n• Food: 112,34\u00a0$ of 150,00\u00a0$ (74 %) — 37,66\u00a0$ left",
      );
      expect(await say(aliceChat, "/spent food")).toBe(
        "Food and Drink, this month (1. März – 18. März): 112,34\u00a0$ in 2 transactions.",
      );
    } finally {
      await db.user.update({ where: { id: alice.id }, data: { locale: "en-US" } });
    }
  });

  it("/help lists the commands, and an unknown command gets the list too", async () => {
    const help = await say(aliceChat, "/help");
    for (const command of ["/summary", "/budget", "/spent", "/goals", "/unlink", "/help"])
      expect(help).toContain(command);
    expect(await say(aliceChat, "/frobnicate")).toMatch(/^I don't know that command\./);
  });

  it("answers a question in plain words with the natural-language engine", async () => {
    const answer = await say(aliceChat, "how much did I spend on food this month?");
    expect(answer).toContain("$112.34");
  });
});

describe("buttons under a large-transaction alert", () => {
  async function deliveredAlert(description: string) {
    const today = new Date().toISOString().slice(0, 10);
    const tx = await createTestTransaction(
      db,
      { userId: alice.id, accountId },
      { amount: "-900.00", date: today, category: "ENTERTAINMENT", description },
    );
    await onTransactionsChanged(db, alice.id, [tx.id]);
    const notification = await db.notification.findFirstOrThrow({
      where: {
        userId: alice.id,
        channel: "TELEGRAM",
        type: "large_transaction",
        data: { path: ["transactionId"], equals: tx.id },
      },
    });
    await waitUntil(
      () => deliverNotification(db, notification.id, { finalAttempt: true }),
      (outcome) => outcome.kind === "sent",
    );
    return { tx, message: fake.sentMessages(aliceChat.id).at(-1)! };
  }

  it("changes the category to the one picked, and edits the alert to say so", async () => {
    const { tx, message } = await deliveredAlert("CONCERT HALL");
    const button = message.reply_markup!.inline_keyboard![0]![1]!;
    expect(button.text).toBe("Food and Drink");
    const budgetChecks = await getQueue("budget-check").count();

    await fake.postUpdate(callbackQueryUpdate(aliceChat, button.callback_data!, message, fake.bot));
    const answer = await fake.waitForCall((c) => c.method === "answerCallbackQuery");
    expect(answer.payload.text).toBe("Moved to Food and Drink");

    const saved = await db.transaction.findUniqueOrThrow({ where: { id: tx.id } });
    expect(saved).toMatchObject({ userCategory: "FOOD_AND_DRINK", reviewedAt: expect.any(Date) });
    const edited = fake.state.messages.get(fake.state.messageKey(aliceChat.id, message.message_id))!;
    expect(edited.text).toMatch(/✓ Category changed to Food and Drink$/);
    expect(edited.reply_markup).toEqual({ inline_keyboard: [] });
    // Budgets are brought up to date for the new category.
    expect(await getQueue("budget-check").count()).toBeGreaterThan(budgetChecks);
  });

  it("marks the transaction reviewed with 'Looks right'", async () => {
    const { tx, message } = await deliveredAlert("AIRLINE");
    const button = message.reply_markup!.inline_keyboard![1]![0]!;
    await fake.postUpdate(callbackQueryUpdate(aliceChat, button.callback_data!, message, fake.bot));
    await waitUntil(
      () => db.transaction.findUniqueOrThrow({ where: { id: tx.id } }),
      (t) => t.reviewedAt !== null,
    );
    const edited = fake.state.messages.get(fake.state.messageKey(aliceChat.id, message.message_id))!;
    expect(edited.text).toMatch(/✓ Reviewed$/);
    expect((await db.transaction.findUniqueOrThrow({ where: { id: tx.id } })).userCategory).toBeNull();
  });

  it("does nothing for someone else's alert", async () => {
    const { tx, message } = await deliveredAlert("JEWELLER");
    const bobLink = await createLinkCode(db, bob.id);
    await say(bobChat, `/start ${bobLink.code}`);
    const calls = fake.calls.length;
    await fake.postUpdate(
      callbackQueryUpdate(bobChat, message.reply_markup!.inline_keyboard![0]![0]!.callback_data!, message, fake.bot),
    );
    const answer = await fake.waitForCall(
      (c, i = fake.calls.indexOf(c)) => i >= calls && c.method === "answerCallbackQuery",
    );
    expect(answer.payload.text).toBe("This alert is no longer available.");
    expect((await db.transaction.findUniqueOrThrow({ where: { id: tx.id } })).userCategory).toBeNull();
  });
});

describe("the chat's state", () => {
  it("notices when the user blocks and unblocks the bot", async () => {
    const member = (status: string) => ({
      my_chat_member: {
        chat: { id: aliceChat.id, first_name: "Alice", type: "private" },
        from: { id: aliceChat.id, is_bot: false, first_name: "Alice" },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "member", user: { id: fake.bot.id, is_bot: true, first_name: "Money Tracking" } },
        new_chat_member: {
          status,
          user: { id: fake.bot.id, is_bot: true, first_name: "Money Tracking" },
          until_date: 0,
        },
      },
    });
    const blockedAt = () =>
      db.userPreferences.findUniqueOrThrow({ where: { userId: alice.id } }).then((p) => p.telegramBlockedAt);
    await fake.postUpdate(member("kicked"));
    await waitUntil(blockedAt, (at) => at !== null);
    await fake.postUpdate(member("member"));
    await waitUntil(blockedAt, (at) => at === null);
  });

  it("/unlink disconnects the chat", async () => {
    expect(await say(aliceChat, "/unlink")).toMatch(/^This chat is unlinked/);
    expect((await db.userPreferences.findUniqueOrThrow({ where: { userId: alice.id } })).telegramChatId).toBeNull();
    expect(await say(aliceChat, "/goals")).toMatch(/not linked/);
  });
});

describe("webhook mode", () => {
  const post = async (headers: Record<string, string>, body: string) => {
    const { POST } = await import("~/app/api/telegram/webhook/route");
    return POST(new Request("http://app.test/api/telegram/webhook", { method: "POST", headers, body }));
  };

  it("refuses requests without Telegram's secret token", async () => {
    const update = JSON.stringify({ update_id: 1, ...messageUpdate(bobChat, "/help") });
    expect((await post({}, update)).status).toBe(403);
    expect((await post({ "x-telegram-bot-api-secret-token": "guess" }, update)).status).toBe(403);
    expect((await post({ "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }, "not json")).status).toBe(400);
  });

  it("handles an update carrying the secret and answers 200", async () => {
    const before = fake.sentMessages(bobChat.id).length;
    const response = await post(
      { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET, "content-type": "application/json" },
      JSON.stringify({ update_id: 999_001, ...messageUpdate(bobChat, "/help") }),
    );
    expect(response.status).toBe(200);
    expect(fake.sentMessages(bobChat.id)).toHaveLength(before + 1);
    expect(fake.sentMessages(bobChat.id).at(-1)!.text).toContain("/summary");
  });
});
