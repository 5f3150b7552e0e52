import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { decryptAccessToken } from "./crypto/access-token-cipher";
import { enqueueSync } from "./enqueue-sync";
import { getBankProvider } from "./providers/get-bank-provider";
import { ProviderError } from "./sync/sync-source";

export const connectionIdInput = z.object({ connectionId: z.uuid() });
export const disconnectInput = connectionIdInput.extend({ keepHistory: z.boolean() });
export const linkTokenInput = z.object({ connectionId: z.uuid().optional() }).optional();

async function ownConnection(db: Db, userId: string, connectionId: string) {
  const connection = await db.bankConnection.findFirst({
    where: { id: connectionId, userId },
    select: { id: true, provider: true, status: true, accessTokenEncrypted: true, institutionName: true },
  });
  if (!connection) throw new AppError("NOT_FOUND", "Bank connection not found");
  return connection;
}

/** Every connection with its latest sync run, so the UI can show progress while one runs. */
export async function listConnections(db: Db, userId: string) {
  const connections = await db.bankConnection.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      institutionName: true,
      status: true,
      lastSyncAt: true,
      errorCode: true,
      createdAt: true,
      accounts: { select: { id: true, name: true, mask: true, type: true } },
      syncRuns: {
        orderBy: { startedAt: "desc" },
        take: 1,
        select: {
          id: true,
          status: true,
          pages: true,
          added: true,
          modified: true,
          removed: true,
          startedAt: true,
          finishedAt: true,
          error: true,
        },
      },
    },
  });
  return connections.map(({ syncRuns, ...connection }) => ({ ...connection, lastRun: syncRuns[0] ?? null }));
}

/**
 * A link token for the provider's widget; for one of the user's connections, in update mode, so
 * the user signs in to that bank again without making a new connection.
 * https://plaid.com/docs/link/update-mode/
 */
export async function createLinkToken(db: Db, userId: string, connectionId?: string) {
  const provider = getBankProvider("plaid");
  let accessToken: string | undefined;
  if (connectionId) {
    const connection = await ownConnection(db, userId, connectionId);
    if (connection.status === "DISCONNECTED") throw new AppError("CONFLICT", "This connection is disconnected");
    accessToken = decryptAccessToken(connection.accessTokenEncrypted);
  }
  const { linkToken, expiresAt } = await provider.createLinkToken({ userId, accessToken });
  return { linkToken, expiresAt };
}

/**
 * After the user signed in again (Link in update mode keeps the same access token), asks the
 * provider whether the login works now, then resumes syncing.
 */
export async function confirmReauth(db: Db, userId: string, connectionId: string, meta: RequestMeta | null) {
  const connection = await ownConnection(db, userId, connectionId);
  if (connection.status === "DISCONNECTED") throw new AppError("CONFLICT", "This connection is disconnected");
  const state = await getBankProvider(connection.provider).getConnection(
    decryptAccessToken(connection.accessTokenEncrypted),
  );
  if (state.error?.needsReauth) throw new AppError("CONFLICT", "The bank still asks you to sign in again");
  await db.bankConnection.update({ where: { id: connection.id }, data: { status: "ACTIVE", errorCode: null } });
  await recordAudit(
    db,
    {
      userId,
      action: "bank.reauthorized",
      resourceType: "bank_connection",
      resourceId: connection.id,
      metadata: { institution: connection.institutionName },
    },
    meta,
  );
  await enqueueSync(connection.id, "manual");
  return { queued: true };
}

export async function syncNow(db: Db, userId: string, connectionId: string) {
  const connection = await ownConnection(db, userId, connectionId);
  if (connection.status === "DISCONNECTED") throw new AppError("CONFLICT", "This connection is disconnected");
  await enqueueSync(connection.id, "manual");
  return { queued: true };
}

/**
 * Removes the Item at the provider (our access ends there), then either keeps the accounts and
 * their history as a read-only record or deletes them with every transaction.
 */
export async function disconnectBank(
  db: Db,
  userId: string,
  input: z.infer<typeof disconnectInput>,
  meta: RequestMeta | null,
) {
  const connection = await ownConnection(db, userId, input.connectionId);
  if (connection.status !== "DISCONNECTED") {
    try {
      await getBankProvider(connection.provider).removeConnection(decryptAccessToken(connection.accessTokenEncrypted));
    } catch (error) {
      // An Item the provider no longer knows is as removed as we need it to be.
      if (!(error instanceof ProviderError && error.kind !== "retry")) throw error;
      logger.warn(
        { connectionId: connection.id, code: error.providerCode },
        "provider refused item removal; disconnecting locally",
      );
    }
  }
  await db.$transaction(async (tx) => {
    if (input.keepHistory) {
      await tx.bankConnection.update({
        where: { id: connection.id },
        data: { status: "DISCONNECTED", accessTokenEncrypted: "", syncCursor: null },
      });
    } else {
      await tx.bankAccount.deleteMany({ where: { userId, connectionId: connection.id } });
      await tx.bankConnection.delete({ where: { id: connection.id } });
    }
  });
  await recordAudit(
    db,
    {
      userId,
      action: "bank.removed",
      resourceType: "bank_connection",
      resourceId: connection.id,
      metadata: { institution: connection.institutionName, keptHistory: input.keepHistory },
    },
    meta,
  );
  return { disconnected: true, keptHistory: input.keepHistory };
}
