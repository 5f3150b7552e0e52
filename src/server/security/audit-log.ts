/**
 * The audit log of sensitive actions: who, what, when, from where. Users see their own entries
 * in settings. Rows outlive the account they belong to (user_id is set null on deletion) —
 * see ACCOUNT_DELETION_KEEPS in src/server/user/account-deletion-policy.ts.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import type { RequestMeta } from "./client-info";

export const AUDIT_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "sign_out",
  "oauth.linked",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.failed",
  "two_factor.recovery_code_used",
  "two_factor.recovery_codes_regenerated",
  "email.verification_sent",
  "email.verified",
  "password.changed",
  "password.reset_requested",
  "password.reset",
  "session.revoked",
  "sessions.revoked_others",
  "sessions.revoked_all",
  "api_token.created",
  "api_token.revoked",
  "bank.connected",
  "bank.reauthorized",
  "bank.removed",
  "data.exported",
  "account.deleted",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  userId: string | null;
  action: AuditAction;
  resourceType?: string;
  resourceId?: string;
  metadata?: Prisma.InputJsonObject;
};

type Writer = Pick<Db, "auditLog">;

/**
 * Best effort on purpose: a full disk or a dropped connection must not turn into "cannot sign
 * in". A failure is logged loudly instead.
 */
export async function recordAudit(db: Writer, entry: AuditEntry, meta: RequestMeta | null): Promise<void> {
  try {
    await db.auditLog.create({
      data: {
        ...entry,
        ipAddress: meta?.ipAddress ?? null,
        userAgent: meta?.userAgent ?? null,
        requestId: meta?.requestId ?? null,
      },
    });
  } catch (error) {
    logger.error({ err: error, action: entry.action, userId: entry.userId }, "audit log write failed");
  }
}

export const listAuditLogInput = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).nullish(),
});

// (timestamp, id) of the last row seen, like the transaction list: only ever compared within the user's own rows.
const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const parsed = z.object({ at: z.iso.datetime(), id: z.uuid() }).safeParse({ at, id });
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Invalid cursor");
  return { at: new Date(parsed.data.at), id: parsed.data.id };
}

export async function listAuditLog(db: Db, userId: string, rawInput: z.input<typeof listAuditLogInput>) {
  const input = listAuditLogInput.parse(rawInput);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.auditLog.findMany({
    where: {
      userId,
      ...(after && { OR: [{ timestamp: { lt: after.at } }, { timestamp: after.at, id: { lt: after.id } }] }),
    },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { id: true, action: true, timestamp: true, ipAddress: true, userAgent: true, metadata: true },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ timestamp, ...row }) => ({ ...row, at: timestamp })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.timestamp, last.id) : null,
  };
}
