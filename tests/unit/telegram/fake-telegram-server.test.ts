import { readFileSync } from "node:fs";
import path from "node:path";
import { Telegraf, Telegram, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegramServer } from "~/local-services/telegram/fake-telegram-server";
import { callbackQueryUpdate, messageUpdate } from "~/local-services/telegram/update-builders";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const SHARED = path.resolve(REPO_ROOT, "../shared");
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(SHARED, "data/telegram-updates", name), "utf8")) as Record<string, unknown>;

/** The structure of a JSON value: its keys and the type at each, recursively (arrays by their first item). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  }
  return typeof value;
}

const TOKEN = "123456:TEST-token";
const alice = { id: 10081232, first_name: "Alice", username: "alice" };
let fake: FakeTelegramServer;
let telegram: Telegram;

beforeAll(async () => {
  fake = await FakeTelegramServer.start({ token: TOKEN });
  telegram = new Telegram(TOKEN, { apiRoot: fake.apiRoot });
});
afterAll(() => fake.stop());

async function apiError(promise: Promise<unknown>): Promise<TelegramError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TelegramError);
  return error as TelegramError;
}

describe("the fake Telegram Bot API", () => {
  it("builds updates with the same structure as Telegram's own (shared fixtures)", () => {
    const command = { update_id: 1, ...messageUpdate({ ...alice, language_code: "it" }, "/test") };
    const expected = fixture("updates/command.json");
    // command.json has a last_name; ours may omit it, as Telegram does when a user has none.
    const withoutLastName = JSON.parse(JSON.stringify(expected, (k, v) => (k === "last_name" ? undefined : v)));
    expect(shapeOf(command)).toEqual(shapeOf(withoutLastName));

    const callback = {
      update_id: 2,
      ...callbackQueryUpdate(
        alice,
        "a",
        { message_id: 1, text: "x", reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "a" }]] } },
        fake.bot,
      ),
    };
    expect(shapeOf(callback)).toEqual(shapeOf(fixture("updates/callback_query.json")));
  });

  it("answers getMe with the bot's identity", async () => {
    expect(await telegram.getMe()).toMatchObject({ id: fake.bot.id, is_bot: true, username: fake.bot.username });
  });

  it("refuses a wrong token with 401 and an unknown method with 404", async () => {
    expect((await apiError(new Telegram("1:wrong", { apiRoot: fake.apiRoot }).getMe())).code).toBe(401);
    const response = await fetch(`${fake.apiRoot}/bot${TOKEN}/noSuchMethod`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("knows only chats that wrote to the bot, and records what it sent", async () => {
    const unknown = await apiError(telegram.sendMessage(555, "hello"));
    expect(unknown.response).toEqual({ ok: false, error_code: 400, description: "Bad Request: chat not found" });

    fake.addChat(555);
    const sent = await telegram.sendMessage(555, "hello", {
      reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] },
    });
    expect(sent).toMatchObject({ chat: { id: 555 }, text: "hello" });
    expect(fake.sentMessages(555).at(-1)).toMatchObject({ text: "hello", message_id: sent.message_id });
  });

  it("rejects empty and over-long texts as Telegram does", async () => {
    fake.addChat(556);
    expect((await apiError(telegram.sendMessage(556, ""))).description).toBe("Bad Request: message text is empty");
    const tooLong = await apiError(telegram.sendMessage(556, "x".repeat(4097)));
    expect(tooLong.response).toEqual(fixture("responses/too_long.json"));
  });

  it("answers a scripted 429 with retry_after in the parameters, like responses/too_many_requests.json", async () => {
    fake.addChat(557);
    fake.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 14",
      parameters: { retry_after: 14 },
    });
    const limited = await apiError(telegram.sendMessage(557, "hi"));
    expect(limited.response).toEqual(fixture("responses/too_many_requests.json"));
    expect(limited.parameters?.retry_after).toBe(14);
    await expect(telegram.sendMessage(557, "hi")).resolves.toMatchObject({ text: "hi" });
  });

  it("answers 403 once the user blocked the bot", async () => {
    fake.addChat(558);
    fake.blockChat(558);
    const blocked = await apiError(telegram.sendMessage(558, "hi"));
    expect(blocked.code).toBe(403);
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");
  });

  it("edits a sent message and refuses an edit that changes nothing", async () => {
    fake.addChat(559);
    const sent = await telegram.sendMessage(559, "before");
    await telegram.editMessageText(559, sent.message_id, undefined, "after");
    const same = await apiError(telegram.editMessageText(559, sent.message_id, undefined, "after"));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    const missing = await apiError(telegram.editMessageText(559, 999_999, undefined, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");
  });

  it("applies flood control per chat when asked to", async () => {
    const strict = await FakeTelegramServer.start({ token: TOKEN, perChatIntervalMs: 1000 });
    const client = new Telegram(TOKEN, { apiRoot: strict.apiRoot });
    strict.addChat(1);
    strict.addChat(2);
    await client.sendMessage(1, "one");
    await client.sendMessage(2, "other chat is fine");
    const second = await apiError(client.sendMessage(1, "two"));
    expect(second.code).toBe(429);
    expect(second.parameters?.retry_after).toBe(1);
    await strict.stop();
  });

  it("applies flood control across all chats when asked to", async () => {
    const strict = await FakeTelegramServer.start({ token: TOKEN, overallPerSecond: 3 });
    const client = new Telegram(TOKEN, { apiRoot: strict.apiRoot });
    for (const chat of [1, 2, 3, 4]) strict.addChat(chat);
    for (const chat of [1, 2, 3]) await client.sendMessage(chat, "within the limit");
    const fourth = await apiError(client.sendMessage(4, "one too many"));
    expect(fourth.code).toBe(429);
    expect(fourth.parameters?.retry_after).toBe(1);
    expect(strict.sentMessages().map((m) => m.chat_id)).toEqual([1, 2, 3]);
    await strict.stop();
  });

  it("long-polls getUpdates for a telegraf bot and delivers posted updates in order", async () => {
    const bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.apiRoot } });
    bot.command("ping", (ctx) => ctx.reply(`pong ${ctx.message.text}`));
    void bot.launch({ dropPendingUpdates: true });
    // Updates posted before the bot dropped pending ones would be lost, on Telegram as here.
    await fake.waitForCall((c) => c.method === "deleteWebhook");
    await fake.postUpdate(messageUpdate(alice, "/ping 1"));
    await fake.postUpdate(messageUpdate(alice, "/ping 2"));
    await fake.waitForCall((c) => c.method === "sendMessage" && c.payload.text === "pong /ping 2");
    expect(fake.sentMessages(alice.id).map((m) => m.text)).toEqual(["pong /ping 1", "pong /ping 2"]);
    bot.stop("test");
  });

  it("refuses getUpdates while a webhook is set, and posts updates to the webhook with the secret header", async () => {
    const received: { secret: string | null; body: unknown }[] = [];
    const { createServer } = await import("node:http");
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({
          secret: (req.headers["x-telegram-bot-api-secret-token"] as string) ?? null,
          body: JSON.parse(body),
        });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const port = (hook.address() as { port: number }).port;
    await telegram.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: "s3cret" });

    expect((await apiError(telegram.getUpdates(0, 100, 0, undefined))).code).toBe(409);
    const posted = await fake.postUpdate(messageUpdate(alice, "hello"));
    expect(posted.webhookStatus).toBe(200);
    expect(received).toEqual([{ secret: "s3cret", body: expect.objectContaining({ update_id: posted.update_id }) }]);

    await telegram.deleteWebhook();
    hook.close();
  });
});
