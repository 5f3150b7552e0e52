/**
 * Linking a Telegram chat to an account: the settings page shows a one-time code and a
 * https://t.me/<bot>?start=<code> deep link (https://core.telegram.org/bots/features#deep-linking);
 * Telegram then sends "/start <code>" from the user's chat. Only the code's SHA-256 is stored,
 * it expires after 15 minutes and works once.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { telegramConfig } from "./telegram-config";

export const LINK_CODE_TTL_MS = 15 * 60_000;

const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");

export async function createLinkCode(db: Db, userId: string, now = new Date()) {
  const config = telegramConfig();
  if (!config) throw new AppError("UPSTREAM_UNAVAILABLE", "Telegram is not configured on this server");
  // Deep-link parameters allow A–Z, a–z, 0–9, _ and - (base64url), up to 64 characters.
  const code = randomBytes(18).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await db.$transaction([
    db.telegramLinkCode.deleteMany({ where: { userId, usedAt: null } }),
    db.telegramLinkCode.create({ data: { userId, codeHash: hashCode(code), expiresAt } }),
  ]);
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    url: config.botUsername ? `https://t.me/${config.botUsername}?start=${code}` : null,
  };
}

/** Links the chat to the code's owner; null when the code is unknown, used or expired. */
export async function linkChat(
  db: Db,
  code: string,
  chatId: string,
  now = new Date(),
): Promise<{ userId: string } | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return null;
  return db.$transaction(async (tx) => {
    const row = await tx.telegramLinkCode.findUnique({
      where: { codeHash: hashCode(code) },
      select: { id: true, userId: true },
    });
    if (!row) return null;
    const { count } = await tx.telegramLinkCode.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) return null;
    // One chat belongs to one account: linking it here unlinks it anywhere else.
    await tx.userPreferences.updateMany({
      where: { telegramChatId: chatId, userId: { not: row.userId } },
      data: { telegramChatId: null },
    });
    await tx.userPreferences.upsert({
      where: { userId: row.userId },
      create: { userId: row.userId, telegramChatId: chatId },
      update: { telegramChatId: chatId, telegramBlockedAt: null },
    });
    return { userId: row.userId };
  });
}

export async function userIdForChat(db: Db, chatId: string): Promise<string | null> {
  const prefs = await db.userPreferences.findUnique({
    where: { telegramChatId: chatId },
    select: { userId: true, user: { select: { deletedAt: true } } },
  });
  return prefs && !prefs.user.deletedAt ? prefs.userId : null;
}

export async function unlinkChat(db: Db, chatId: string): Promise<boolean> {
  const { count } = await db.userPreferences.updateMany({
    where: { telegramChatId: chatId },
    data: { telegramChatId: null, telegramBlockedAt: null },
  });
  return count > 0;
}

export async function unlinkUser(db: Db, userId: string) {
  await db.userPreferences.updateMany({ where: { userId }, data: { telegramChatId: null, telegramBlockedAt: null } });
  return { linked: false };
}

/** Telegram tells the bot when the user blocks or unblocks it (my_chat_member updates). */
export async function setChatBlocked(db: Db, chatId: string, blocked: boolean, now = new Date()) {
  await db.userPreferences.updateMany({
    where: { telegramChatId: chatId },
    data: { telegramBlockedAt: blocked ? now : null },
  });
}
