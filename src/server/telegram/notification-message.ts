/** How a notification reads in Telegram: HTML parse mode (only <, > and & need escaping), with buttons where it can be acted on. */
import type { InlineKeyboardButton } from "telegraf/types";
import { largeTransactionData } from "~/server/notification/large-transaction-data";
import { encodeCallback } from "./callback-data";

export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export type TelegramMessage = {
  text: string;
  extra: { parse_mode: "HTML"; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } };
};

export function telegramMessageFor(notification: {
  id: string;
  type: string;
  title: string | null;
  message: string;
  data: unknown;
}): TelegramMessage {
  const title = notification.title ? `<b>${escapeHtml(notification.title)}</b>\n` : "";
  const text = `${title}${escapeHtml(notification.message)}`;
  const data = notification.type === "large_transaction" ? largeTransactionData.safeParse(notification.data) : null;
  if (!data?.success) return { text, extra: { parse_mode: "HTML" } };
  const suggestions = data.data.suggestions.map((s, index) => ({
    text: s.label,
    callback_data: encodeCallback({ kind: "category", notificationId: notification.id, index }),
  }));
  const reviewed = {
    text: "✓ Looks right",
    callback_data: encodeCallback({ kind: "reviewed", notificationId: notification.id }),
  };
  return {
    text,
    extra: {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [...(suggestions.length ? [suggestions] : []), [reviewed]] },
    },
  };
}
