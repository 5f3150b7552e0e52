/**
 * "Export all my data": one zip with a JSON file per kind of record, transactions also as CSV,
 * and a README. Secrets never leave: no password or token hashes, no TOTP secret, no bank
 * access token or sync cursor, no recovery or link codes.
 */
import { strToU8, zipSync } from "fflate";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { transactionsCsv } from "./transactions-csv";

function collect(db: Db, userId: string) {
  const own = { where: { userId } };
  return {
    profile: db.user.findUnique({
      where: { id: userId },
      omit: { passwordHash: true, totpSecretEncrypted: true },
    }),
    preferences: db.userPreferences.findUnique({ where: { userId } }),
    "sign-in-methods": db.authAccount.findMany({ ...own, select: { provider: true, createdAt: true } }),
    sessions: db.userSession.findMany(own),
    "api-tokens": db.apiToken.findMany({ ...own, omit: { tokenHash: true } }),
    "audit-log": db.auditLog.findMany({ ...own, orderBy: { timestamp: "asc" } }),
    "bank-connections": db.bankConnection.findMany({ ...own, omit: { accessTokenEncrypted: true, syncCursor: true } }),
    accounts: db.bankAccount.findMany(own),
    "sync-runs": db.syncRun.findMany(own),
    "import-batches": db.importBatch.findMany(own),
    transactions: db.transaction.findMany({ ...own, orderBy: [{ transactionDate: "asc" }, { id: "asc" }] }),
    "transaction-splits": db.transactionSplit.findMany(own),
    categories: db.category.findMany(own),
    "merchant-categories": db.userMerchantCategory.findMany(own),
    rules: db.categorizationRule.findMany({ ...own, orderBy: { position: "asc" } }),
    budgets: db.budget.findMany({ ...own, include: { utilization: true } }),
    goals: db.savingsGoal.findMany({ ...own, include: { contributions: true } }),
    insights: db.insight.findMany(own),
    conversations: db.conversation.findMany({ ...own, include: { messages: { orderBy: { createdAt: "asc" } } } }),
    notifications: db.notification.findMany(own),
    "notification-rules": db.notificationRule.findMany(own),
  };
}

// Every Decimal column is (15,2) or (3,2), so two places are exact. The raw value is read from the
// holder because JSON.stringify has already applied Decimal's own toJSON ("-12.3") to `value`.
function replacer(this: Record<string, unknown>, key: string, value: unknown) {
  const raw = this[key];
  return Prisma.Decimal.isDecimal(raw) ? raw.toFixed(2) : value;
}

const README = `Your Money Tracking data, exported on EXPORTED_AT.

data/*.json  every record the app holds about you, one file per kind.
transactions.csv  your transactions, for spreadsheets (amount negative = money out).

Amounts are exact decimal strings. Times are UTC; calendar days (transaction dates, budget
periods) appear as midnight UTC of that day. Secrets are left out on purpose: password and token
hashes, your two-factor secret and recovery codes, and the bank access tokens.
`;

export async function exportUserData(db: Db, userId: string, meta: RequestMeta | null): Promise<Uint8Array> {
  const queries = collect(db, userId);
  const names = Object.keys(queries) as (keyof typeof queries)[];
  const results = await Promise.all(names.map((name) => queries[name]));
  const data = Object.fromEntries(names.map((name, i) => [name, results[i]]));
  if (!data.profile) throw new AppError("NOT_FOUND", "User not found");
  const exportedAt = new Date().toISOString();
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(README.replace("EXPORTED_AT", exportedAt)),
    "transactions.csv": strToU8(await transactionsCsv(db, userId)),
  };
  for (const name of names) files[`data/${name}.json`] = strToU8(JSON.stringify(data[name], replacer, 2));
  await recordAudit(db, { userId, action: "data.exported" }, meta);
  return zipSync(files, { level: 6, mtime: new Date(exportedAt) });
}
