/**
 * The Telegram bot: linking, commands, alert buttons and free text. The same bot serves
 * webhook mode (the /api/telegram/webhook route hands it updates) and long polling (the worker).
 * Private chats only: in a group, others would read the user's finances.
 */
import { type Context, Telegraf } from "telegraf";
import { callbackQuery, message } from "telegraf/filters";
import type { Db } from "~/server/db";
import { logger } from "~/server/logger";
import { handleAlertCallback } from "./alert-callbacks";
import { decodeCallback } from "./callback-data";
import { budgetReply, goalsReply, spentReply, summaryReply } from "./command-replies";
import { linkChat, setChatBlocked, unlinkChat, userIdForChat } from "./link-chat";
import { COMMANDS_HELP, type TextQueryEngine } from "./text-query-engine";

export type BotDeps = { db: Db; engine: TextQueryEngine; now?: () => Date };

const NOT_LINKED =
  "This chat is not linked to a Money Tracking account yet. Open Settings → Telegram in the web app and follow the link shown there.";

export function createBot(config: { token: string; apiRoot: string }, deps: BotDeps): Telegraf {
  const { db, engine } = deps;
  const now = deps.now ?? (() => new Date());
  const bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot } });
  const chatOf = (ctx: Context) => String(ctx.chat!.id);

  /** Runs the handler for the account this chat is linked to, or explains how to link it. */
  const forLinkedUser =
    <C extends Context>(handler: (ctx: C, userId: string) => Promise<unknown>) =>
    async (ctx: C) => {
      const userId = await userIdForChat(db, chatOf(ctx));
      return userId ? handler(ctx, userId) : ctx.reply(NOT_LINKED);
    };

  bot.use(async (ctx, next) => {
    if (ctx.chat && ctx.chat.type !== "private") return;
    return next();
  });

  bot.start(async (ctx) => {
    const code = ctx.payload.trim();
    if (code) {
      const linked = await linkChat(db, code, chatOf(ctx));
      return ctx.reply(
        linked
          ? `Linked! Alerts for your account will arrive here.\n\n${COMMANDS_HELP}`
          : "That link code is not valid any more (codes work once, for 15 minutes). Create a new one in Settings → Telegram.",
      );
    }
    const userId = await userIdForChat(db, chatOf(ctx));
    // A message from the chat proves the bot is not blocked (any more).
    if (userId) await setChatBlocked(db, chatOf(ctx), false);
    return ctx.reply(userId ? `Welcome back.\n\n${COMMANDS_HELP}` : NOT_LINKED);
  });

  bot.help((ctx) => ctx.reply(COMMANDS_HELP));

  bot.command("unlink", async (ctx) =>
    ctx.reply(
      (await unlinkChat(db, chatOf(ctx)))
        ? "This chat is unlinked; no more alerts will arrive here. Link again any time from Settings → Telegram."
        : "This chat was not linked.",
    ),
  );

  bot.command(
    "summary",
    forLinkedUser(async (ctx, userId) => ctx.reply(await summaryReply(db, userId, now()))),
  );
  bot.command(
    ["budget", "budgets"],
    forLinkedUser(async (ctx, userId) => ctx.reply(await budgetReply(db, userId, now()))),
  );
  bot.command(
    "goals",
    forLinkedUser(async (ctx, userId) => ctx.reply(await goalsReply(db, userId, now()))),
  );
  bot.command(
    "spent",
    forLinkedUser(async (ctx, userId) => ctx.reply(await spentReply(db, userId, ctx.payload, now()))),
  );

  bot.on(
    callbackQuery("data"),
    forLinkedUser(async (ctx, userId) => {
      const action = decodeCallback(ctx.callbackQuery.data);
      if (!action) return ctx.answerCbQuery("Unknown action");
      const result = await handleAlertCallback(db, userId, action);
      if (result.edited) await ctx.editMessageText(result.edited.text, result.edited.extra);
      return ctx.answerCbQuery(result.answer);
    }),
  );

  bot.on(
    message("text"),
    forLinkedUser(async (ctx, userId) => {
      const text = ctx.message.text;
      if (text.startsWith("/")) return ctx.reply(`I don't know that command.\n\n${COMMANDS_HELP}`);
      return ctx.reply(await engine.answer({ db, userId, text, now: now() }));
    }),
  );

  // Telegram reports a block / unblock as a change of the bot's membership in the private chat.
  bot.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked" || status === "member") await setChatBlocked(db, chatOf(ctx), status === "kicked", now());
  });

  bot.catch(async (error, ctx) => {
    logger.error(
      { err: error instanceof Error ? error.message : String(error), updateId: ctx.update.update_id },
      "telegram update failed",
    );
    if (ctx.chat) await ctx.reply("Sorry, something went wrong on our side. Please try again.").catch(() => undefined);
  });

  return bot;
}
