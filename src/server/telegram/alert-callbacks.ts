/**
 * The buttons under a large-transaction alert: pick one of the suggested categories, or say the
 * transaction looks right. The choice is saved through the transaction service (so it counts
 * exactly like a change made on the web) and the alert message is edited to show what was done.
 */
import type { Db } from "~/server/db";
import { largeTransactionData } from "~/server/notification/large-transaction-data";
import { setCategory } from "~/server/transaction/edit-transactions";
import type { CallbackAction } from "./callback-data";
import { type TelegramMessage, escapeHtml, telegramMessageFor } from "./notification-message";

export type CallbackResult = { answer: string; edited: TelegramMessage | null };

export async function handleAlertCallback(db: Db, userId: string, action: CallbackAction): Promise<CallbackResult> {
  const notification = await db.notification.findFirst({
    where: { id: action.notificationId, userId, type: "large_transaction" },
    select: { id: true, type: true, title: true, message: true, data: true },
  });
  const data = largeTransactionData.safeParse(notification?.data);
  if (!notification || !data.success) return { answer: "This alert is no longer available.", edited: null };

  const done = (line: string): TelegramMessage => {
    const { text } = telegramMessageFor(notification);
    // An empty keyboard removes the buttons, so the same choice cannot be made twice.
    return {
      text: `${text}\n\n${escapeHtml(line)}`,
      extra: { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } },
    };
  };
  const tx = await db.transaction.findFirst({
    where: { id: data.data.transactionId, userId },
    select: { id: true },
  });
  if (!tx) {
    return {
      answer: "That transaction is gone (the bank may have replaced it).",
      edited: done("This transaction no longer exists."),
    };
  }

  if (action.kind === "reviewed") {
    await db.transaction.updateMany({ where: { id: tx.id, userId }, data: { reviewedAt: new Date() } });
    return { answer: "Marked as reviewed", edited: done("✓ Reviewed") };
  }
  const suggestion = data.data.suggestions[action.index];
  if (!suggestion) return { answer: "That choice is no longer available.", edited: null };
  await setCategory(db, userId, { ids: [tx.id], category: suggestion.slug });
  return { answer: `Moved to ${suggestion.label}`, edited: done(`✓ Category changed to ${suggestion.label}`) };
}
