/**
 * The history page: one entry per event (its IN_APP row), with how each external channel fared.
 * Unread means the IN_APP row has no readAt.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";

export const listNotificationsInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.int().min(1).max(100).default(30),
  unreadOnly: z.boolean().default(false),
});

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) {
    throw new AppError("INVALID_INPUT", "Invalid cursor");
  }
  return { createdAt, id: id! };
}

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

export async function listNotifications(db: Db, userId: string, input: z.input<typeof listNotificationsInput>) {
  const { cursor, limit, unreadOnly } = listNotificationsInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      channel: "IN_APP",
      ...(unreadOnly ? { readAt: null } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    select: { id: true, type: true, dedupeKey: true, title: true, message: true, createdAt: true, readAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const deliveries = await db.notification.findMany({
    where: { userId, channel: { not: "IN_APP" }, dedupeKey: { in: page.map((r) => r.dedupeKey) } },
    select: { dedupeKey: true, channel: true, status: true, errorMessage: true, sentAt: true, attempts: true },
  });
  return {
    items: page.map((row) => ({
      id: row.id,
      type: row.type,
      title: row.title,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
      deliveries: deliveries
        .filter((d) => d.dedupeKey === row.dedupeKey)
        .map((d) => ({
          channel: d.channel,
          status: d.status,
          error: d.errorMessage,
          attempts: d.attempts,
          sentAt: d.sentAt?.toISOString() ?? null,
        })),
    })),
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null,
  };
}

export async function unreadCount(db: Db, userId: string): Promise<{ count: number }> {
  return { count: await db.notification.count({ where: { userId, channel: "IN_APP", readAt: null } }) };
}

export const markReadInput = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export async function markRead(db: Db, userId: string, input: z.infer<typeof markReadInput>) {
  const { count } = await db.notification.updateMany({
    where: { userId, channel: "IN_APP", id: { in: input.ids }, readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

export async function markAllRead(db: Db, userId: string) {
  const { count } = await db.notification.updateMany({
    where: { userId, channel: "IN_APP", readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
