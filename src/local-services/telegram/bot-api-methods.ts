/**
 * The Bot API methods the app uses, answering as Telegram does: the same result objects, the
 * same error codes and descriptions (shapes checked against shared/data/telegram-updates/responses).
 * https://core.telegram.org/bots/api#available-methods
 */
import { type ApiResult, type BotApiState, errors } from "./bot-api-state";

export type BotIdentity = { id: number; username: string; first_name: string };

type Payload = Record<string, unknown>;
type Method = (state: BotApiState, payload: Payload, bot: BotIdentity, options: MethodOptions) => ApiResult;
export type MethodOptions = { perChatIntervalMs: number | null; overallPerSecond: number | null; now: () => number };

const MAX_TEXT = 4096;

function toChatId(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

/** Form-encoded requests carry objects as JSON strings; JSON requests carry them as objects. */
function toObject(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function checkText(text: unknown): ApiResult | null {
  if (typeof text !== "string" || text.trim() === "") return errors.badRequest("message text is empty");
  if (text.length > MAX_TEXT) return errors.badRequest("message is too long");
  return null;
}

function checkChat(state: BotApiState, chatId: number | null): ApiResult | null {
  if (chatId === null) return errors.badRequest("chat_id is empty");
  if (state.blockedChats.has(chatId)) return errors.blocked();
  if (!state.knownChats.has(chatId)) return errors.badRequest("chat not found");
  return null;
}

/**
 * Flood control as Telegram applies it: about one message per second in a single chat, and about
 * 30 a second across all chats (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 */
function checkFlood(state: BotApiState, chatId: number, options: MethodOptions): ApiResult | null {
  const now = options.now();
  const last = state.lastSendAt.get(chatId);
  if (options.perChatIntervalMs !== null && last !== undefined && now - last < options.perChatIntervalMs) {
    return errors.tooManyRequests(Math.ceil((options.perChatIntervalMs - (now - last)) / 1000));
  }
  const recent = state.sendsInLastSecond(now);
  if (options.overallPerSecond !== null && recent.length >= options.overallPerSecond) {
    return errors.tooManyRequests(Math.ceil((recent[0]! + 1000 - now) / 1000));
  }
  state.lastSendAt.set(chatId, now);
  recent.push(now);
  return null;
}

function messageObject(
  bot: BotIdentity,
  stored: { message_id: number; chat_id: number; text: string },
  extra: Payload,
) {
  return {
    message_id: stored.message_id,
    from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
    chat: { id: stored.chat_id, type: "private" },
    date: Math.floor(Date.now() / 1000),
    text: stored.text,
    ...extra,
  };
}

const sendMessage: Method = (state, payload, bot, options) => {
  const chatId = toChatId(payload.chat_id);
  const failure = checkChat(state, chatId) ?? checkText(payload.text) ?? checkFlood(state, chatId!, options);
  if (failure) return failure;
  const replyMarkup = toObject(payload.reply_markup);
  const stored = state.storeMessage(chatId!, payload.text as string, replyMarkup);
  return { ok: true, result: messageObject(bot, stored, replyMarkup ? { reply_markup: replyMarkup } : {}) };
};

function findMessage(state: BotApiState, payload: Payload) {
  const chatId = toChatId(payload.chat_id);
  const messageId = toChatId(payload.message_id);
  if (chatId === null) return { error: errors.badRequest("chat_id is empty") };
  if (messageId === null) return { error: errors.badRequest("message identifier is not specified") };
  if (state.blockedChats.has(chatId)) return { error: errors.blocked() };
  const message = state.messages.get(state.messageKey(chatId, messageId));
  return message ? { message } : { error: errors.badRequest("message to edit not found") };
}

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const editMessageText: Method = (state, payload, bot) => {
  const found = findMessage(state, payload);
  if (found.error) return found.error;
  const failure = checkText(payload.text);
  if (failure) return failure;
  const replyMarkup = toObject(payload.reply_markup);
  const { message } = found;
  if (message.text === payload.text && JSON.stringify(message.reply_markup) === JSON.stringify(replyMarkup)) {
    return errors.badRequest(NOT_MODIFIED);
  }
  message.text = payload.text as string;
  message.reply_markup = replyMarkup;
  return { ok: true, result: messageObject(bot, message, replyMarkup ? { reply_markup: replyMarkup } : {}) };
};

const editMessageReplyMarkup: Method = (state, payload, bot) => {
  const found = findMessage(state, payload);
  if (found.error) return found.error;
  const replyMarkup = toObject(payload.reply_markup);
  if (JSON.stringify(found.message.reply_markup) === JSON.stringify(replyMarkup)) {
    return errors.badRequest(NOT_MODIFIED);
  }
  found.message.reply_markup = replyMarkup;
  return { ok: true, result: messageObject(bot, found.message, replyMarkup ? { reply_markup: replyMarkup } : {}) };
};

const answerCallbackQuery: Method = (_state, payload) =>
  typeof payload.callback_query_id === "string" && payload.callback_query_id !== ""
    ? { ok: true, result: true }
    : errors.badRequest("query is too old and response timeout expired or query ID is invalid");

const getMe: Method = (_state, _payload, bot) => ({
  ok: true,
  result: {
    ...bot,
    is_bot: true,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  },
});

const setWebhook: Method = (state, payload) => {
  if (typeof payload.url !== "string") return errors.badRequest("bad webhook: URL is empty");
  state.webhook = payload.url
    ? { url: payload.url, secretToken: typeof payload.secret_token === "string" ? payload.secret_token : undefined }
    : null;
  return { ok: true, result: true };
};

const deleteWebhook: Method = (state, payload) => {
  state.webhook = null;
  if (payload.drop_pending_updates === true || payload.drop_pending_updates === "true") state.updates.length = 0;
  return { ok: true, result: true };
};

const getWebhookInfo: Method = (state) => ({
  ok: true,
  result: { url: state.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: state.updates.length },
});

const accepted: Method = () => ({ ok: true, result: true });

export const METHODS: Record<string, Method> = {
  getMe,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  answerCallbackQuery,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands: accepted,
  deleteMyCommands: accepted,
  sendChatAction: accepted,
};
