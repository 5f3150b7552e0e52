/**
 * Linking a bank: a link token for the provider's widget, then the public token it hands back
 * is exchanged for an access token that is stored encrypted and never leaves the server.
 * In local and sandbox mode a bank picker replaces the widget and goes through the same exchange.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { encryptAccessToken } from "./crypto/access-token-cipher";
import { enqueueSync } from "./enqueue-sync";
import { getBankProvider } from "./providers/get-bank-provider";
import { plaidProvider } from "./providers/plaid/plaid-provider";

export const exchangePublicTokenInput = z.object({ publicToken: z.string().min(1).max(500) });
export const connectSandboxInput = z.object({ institutionId: z.string().regex(/^ins_[A-Za-z0-9_]+$/) });

export async function connectBank(
  db: Db,
  userId: string,
  publicToken: string,
  meta: RequestMeta | null,
): Promise<{ connectionId: string }> {
  const provider = getBankProvider("plaid");
  const linked = await provider.exchangePublicToken(publicToken);
  const details = await provider.getConnection(linked.accessToken);
  const itemKey = { provider: provider.name, providerItemId: linked.providerItemId };
  const relinked = await db.bankConnection.findFirst({ where: { ...itemKey, userId }, select: { id: true } });
  const data = {
    accessTokenEncrypted: encryptAccessToken(linked.accessToken),
    institutionId: details.institutionId,
    institutionName: details.institutionName,
    status: "ACTIVE" as const,
    errorCode: null,
  };
  try {
    const connection = await db.bankConnection.upsert({
      // Re-linking the same Item (repairing a login) updates it instead of duplicating it.
      where: { provider_providerItemId: itemKey, userId },
      create: { userId, ...itemKey, ...data },
      update: data,
      select: { id: true },
    });
    await recordAudit(
      db,
      {
        userId,
        action: relinked ? "bank.reauthorized" : "bank.connected",
        resourceType: "bank_connection",
        resourceId: connection.id,
        metadata: { institution: details.institutionName },
      },
      meta,
    );
    await enqueueSync(connection.id, relinked ? "manual" : "initial");
    return { connectionId: connection.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "This bank connection belongs to another account");
    }
    throw error;
  }
}

export async function listSandboxInstitutions() {
  return plaidProvider().listSandboxInstitutions();
}

export async function connectSandboxBank(db: Db, userId: string, institutionId: string, meta: RequestMeta | null) {
  const publicToken = await plaidProvider().createSandboxPublicToken(institutionId);
  return connectBank(db, userId, publicToken, meta);
}
