/**
 * Stored conversations: each message is a row holding the AI SDK's UI message parts, in order.
 * History is capped — the model sees the last MODEL_HISTORY messages, a conversation keeps at
 * most STORED_MESSAGES, a user at most STORED_CONVERSATIONS — so neither cost nor storage grows
 * without bound.
 */
import type { UIMessage } from "ai";
import { z } from "zod";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { notFound } from "~/server/errors";

export const MODEL_HISTORY = 20;
const STORED_MESSAGES = 200;
const STORED_CONVERSATIONS = 100;
const TITLE_LENGTH = 80;

export const conversationIdInput = z.object({ id: z.uuid() });

/** The user's conversation with this id, created (titled after the first question) if it does not exist yet. */
export async function ensureConversation(db: Db, userId: string, id: string, firstQuestion: string) {
  const existing = await db.conversation.findUnique({ where: { id }, select: { userId: true } });
  if (existing && existing.userId !== userId) throw notFound("Conversation");
  if (existing) return;
  const title = firstQuestion.replace(/\s+/g, " ").trim().slice(0, TITLE_LENGTH) || "New conversation";
  await db.conversation.create({ data: { id, userId, title } });
  const stale = await db.conversation.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    skip: STORED_CONVERSATIONS,
    select: { id: true },
  });
  if (stale.length) await db.conversation.deleteMany({ where: { id: { in: stale.map((c) => c.id) }, userId } });
}

const toUiMessage = (row: { id: string; role: string; parts: Prisma.JsonValue }): UIMessage => ({
  id: row.id,
  role: row.role as UIMessage["role"],
  parts: row.parts as UIMessage["parts"],
});

/** The last `limit` messages of the user's conversation, oldest first. */
export async function loadMessages(db: Db, userId: string, conversationId: string, limit = MODEL_HISTORY) {
  const rows = await db.chatMessage.findMany({
    where: { conversationId, conversation: { userId } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, role: true, parts: true },
  });
  return rows.reverse().map(toUiMessage);
}

export async function appendMessages(db: Db, conversationId: string, messages: UIMessage[], now = new Date()) {
  // Distinct timestamps keep the order of a question and its answer saved in one go.
  await db.chatMessage.createMany({
    data: messages.map((m, i) => ({
      id: m.id,
      conversationId,
      role: m.role,
      parts: m.parts as Prisma.InputJsonValue,
      createdAt: new Date(now.getTime() + i),
    })),
    skipDuplicates: true,
  });
  await db.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
  const overflow = await db.chatMessage.findMany({
    where: { conversationId },
    orderBy: { createdAt: "desc" },
    skip: STORED_MESSAGES,
    select: { id: true },
  });
  if (overflow.length) await db.chatMessage.deleteMany({ where: { id: { in: overflow.map((m) => m.id) } } });
}

export async function listConversations(db: Db, userId: string) {
  const rows = await db.conversation.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, title: true, updatedAt: true },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString() }));
}

export async function getConversation(db: Db, userId: string, id: string) {
  const conversation = await db.conversation.findFirst({ where: { id, userId }, select: { id: true, title: true } });
  if (!conversation) throw notFound("Conversation");
  return { ...conversation, messages: await loadMessages(db, userId, id, STORED_MESSAGES) };
}

export async function deleteConversation(db: Db, userId: string, id: string) {
  const { count } = await db.conversation.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("Conversation");
  return { id };
}
