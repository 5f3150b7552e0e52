/** A user connected to a bank on the local Plaid server, through the real SDK, for sync tests. */
import { type LocalPlaidServer, startLocalPlaidServer } from "~/local-services/plaid/start-local-plaid-server";
import { encryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { createPlaidApi } from "~/server/bank/providers/plaid/plaid-api";
import { PlaidProvider } from "~/server/bank/providers/plaid/plaid-provider";
import type { Db } from "~/server/db";
import { createTestUser } from "../factories";

export const TEST_TODAY = "2026-06-30";

export async function startLocalBank(options: { historyDays?: number } = {}) {
  const server = await startLocalPlaidServer({
    seed: "sync-tests",
    today: TEST_TODAY,
    historyDays: options.historyDays ?? 90,
    automaticWebhooks: false,
  });
  return { server, provider: localBankProvider(server) };
}

/** The real Plaid provider and SDK, talking to a local Plaid server. */
export function localBankProvider(server: LocalPlaidServer) {
  return new PlaidProvider(
    createPlaidApi({
      environment: "local",
      clientId: "local-client-id",
      secret: "local-secret",
      localUrl: server.url,
      timeoutMs: 10_000,
    }),
    { webhookUrl: null, clientName: "tests", environment: "local" },
  );
}

export async function connectTestUser(
  db: Db,
  bank: { server: LocalPlaidServer; provider: PlaidProvider },
  institutionId = "ins_109508",
) {
  const user = await createTestUser(db);
  const linked = await bank.provider.exchangePublicToken(await bank.provider.createSandboxPublicToken(institutionId));
  const connection = await db.bankConnection.create({
    data: {
      userId: user.id,
      provider: "plaid",
      providerItemId: linked.providerItemId,
      accessTokenEncrypted: encryptAccessToken(linked.accessToken),
      institutionName: "First Platypus Bank",
    },
    select: { id: true },
  });
  return { user, connectionId: connection.id, itemId: linked.providerItemId, accessToken: linked.accessToken };
}

/** What the bank says exists, read independently of our sync: a fresh cursor paged to the end. */
export async function bankSideIds(provider: PlaidProvider, accessToken: string): Promise<Map<string, string>> {
  const live = new Map<string, string>();
  let cursor: string | null = null;
  for (;;) {
    const page = await provider.syncTransactions(accessToken, cursor, 500);
    for (const t of [...page.added, ...page.modified]) live.set(t.providerTransactionId, t.amount);
    for (const id of page.removed) live.delete(id);
    cursor = page.nextCursor;
    if (!page.hasMore) return live;
  }
}

export async function storedIds(db: Db, userId: string): Promise<Map<string, string>> {
  const rows = await db.transaction.findMany({
    where: { userId },
    select: { providerTransactionId: true, amount: true },
  });
  return new Map(rows.map((r) => [r.providerTransactionId, r.amount.toFixed(2)]));
}
