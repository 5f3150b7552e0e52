import type { Db } from "~/server/db";

export async function listAccounts(db: Db, userId: string) {
  const accounts = await db.bankAccount.findMany({
    where: { userId, hidden: false },
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      type: true,
      mask: true,
      currency: true,
      currentBalance: true,
      availableBalance: true,
      connection: { select: { id: true, institutionName: true, status: true, lastSyncAt: true } },
    },
  });
  return accounts.map(({ currentBalance, availableBalance, connection, ...account }) => ({
    ...account,
    currentBalance: currentBalance?.toFixed(2) ?? null,
    availableBalance: availableBalance?.toFixed(2) ?? null,
    institutionName: connection?.institutionName ?? null,
    connectionId: connection?.id ?? null,
    connectionStatus: connection?.status ?? null,
    lastSyncAt: connection?.lastSyncAt ?? null,
  }));
}
