import { categorizeNewTransactions } from "~/server/categorize/categorize-new-transactions";
import { providerConfidence } from "~/server/categorize/category-verdict";
import type { CategorizeDeps } from "~/server/categorize/decide-categories";
import { recordOwedHooks } from "~/server/categorize/owed-hooks";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { toCalendarDate } from "~/server/time/calendar";
import { type NewTransaction, upsertTransactions } from "~/server/transaction/insert-transactions";
import type { SyncedAccount, SyncedTransaction } from "./sync-source";

type Changes = {
  userId: string;
  connectionId: string;
  previousCursor: string | null;
  cursor: string;
  accounts: SyncedAccount[];
  added: SyncedTransaction[];
  modified: SyncedTransaction[];
  removed: string[];
};

/** A later page may repeat a transaction; the last version of each id wins. */
function latestById(transactions: SyncedTransaction[]): SyncedTransaction[] {
  return [...new Map(transactions.map((t) => [t.providerTransactionId, t])).values()];
}

function toNewTransaction(accountIds: Map<string, string>, t: SyncedTransaction): NewTransaction {
  const accountId = accountIds.get(t.providerAccountId);
  if (!accountId)
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      `The bank sent a transaction for an unknown account ${t.providerAccountId}`,
    );
  return {
    accountId,
    providerTransactionId: t.providerTransactionId,
    pendingTransactionId: t.pendingTransactionId,
    amount: t.amount,
    currency: t.currency,
    date: t.date,
    postedDate: t.postedDate,
    description: t.description,
    merchantName: t.merchantName,
    pending: t.pending,
    metadata: { providerCategory: t.category, providerMerchant: t.merchantName },
    providerCategory: t.category && {
      primary: t.category.primary,
      detailed: t.category.detailed,
      confidence: providerConfidence(t.category.confidenceLevel),
    },
  };
}

/**
 * Everything one sync learned, applied atomically with the new cursor. The cursor update is
 * conditional on the cursor this sync started from: if another sync got there first, this one
 * rolls back instead of applying the same changes on top. With `categorize`, the bank's new
 * transactions are categorized as they are written, but for those only the LLM should answer
 * (`uncategorizedTransactionIds`, for the categorize queue) and the hooks the others are owed;
 * null writes them as the bank sent them.
 */
export async function writeSyncChanges(db: Db, changes: Changes, categorize: CategorizeDeps | null) {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.bankConnection.updateMany({
        where: { id: changes.connectionId, syncCursor: changes.previousCursor },
        data: {
          syncCursor: changes.cursor,
          status: "ACTIVE",
          lastSyncAt: new Date(),
          lastSyncStatus: "succeeded",
          errorCode: null,
        },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "Another sync of this connection finished first");

      const accountIds = new Map<string, string>();
      for (const account of changes.accounts) {
        const { providerAccountId, ...data } = account;
        const row = await tx.bankAccount.upsert({
          where: { connectionId_providerAccountId: { connectionId: changes.connectionId, providerAccountId } },
          create: { userId: changes.userId, connectionId: changes.connectionId, providerAccountId, ...data },
          update: { ...data, name: undefined },
          select: { id: true },
        });
        accountIds.set(providerAccountId, row.id);
      }

      const upserts = latestById([...changes.added, ...changes.modified]).map((t) => toNewTransaction(accountIds, t));
      // Only what the bank calls new: a modified transaction keeps its category (the upsert
      // leaves it alone); one we never stored is written uncategorized and queued.
      const added = new Set(changes.added.map((t) => t.providerTransactionId));
      const isAdded = (t: NewTransaction) => added.has(t.providerTransactionId);
      // The user's knowledge is read outside this transaction (`db`, not `tx`): the global cache's
      // hit counts it bumps must not stay locked, for other users' syncs, until this one commits.
      const rows = categorize
        ? [
            ...(await categorizeNewTransactions(db, changes.userId, upserts.filter(isAdded), categorize)),
            ...upserts.filter((t) => !isAdded(t)),
          ]
        : upserts;
      const { inserted, uncategorized, updated } = await upsertTransactions(tx, changes.userId, rows, "update");
      const owedHooks = await recordOwedHooks(tx, changes.userId, { inserted, uncategorized });
      const connectionAccounts = [...accountIds.values()];

      // A pending transaction that posted comes back under a new id; what the user said about the
      // pending one (category, notes, tags) moves to the posted one before the pending one goes. The
      // posted row's own tags are those its rules added at insert: they join the pending row's.
      await tx.$executeRaw`
        UPDATE transactions posted
           SET user_category = COALESCE(posted.user_category, pending.user_category),
               user_category_detailed = COALESCE(posted.user_category_detailed, pending.user_category_detailed),
               notes = COALESCE(posted.notes, pending.notes),
               tags = pending.tags || ARRAY(SELECT tag FROM unnest(posted.tags) AS tag WHERE tag <> ALL(pending.tags)),
               reviewed_at = COALESCE(posted.reviewed_at, pending.reviewed_at)
          FROM transactions pending
         WHERE posted.id = ANY(${inserted}::uuid[])
           AND pending.account_id = posted.account_id
           AND pending.provider_transaction_id = posted.pending_transaction_id`;

      const postedPendingIds = upserts.flatMap((t) =>
        t.pendingTransactionId && !t.pending ? [t.pendingTransactionId] : [],
      );
      const gone = [...new Set([...changes.removed, ...postedPendingIds])];
      // Array parameters, not one per id: a first sync of a big account posts tens of thousands of
      // pending transactions, past Postgres's 65,535 bind parameters a statement. The earliest
      // removed day comes back with the delete: budgets are recomputed from there.
      const [removed] = await tx.$queryRaw<{ count: number; earliest: Date | null }[]>`
        WITH gone AS (
          DELETE FROM transactions
           WHERE user_id = ${changes.userId}::uuid
             AND account_id = ANY(${connectionAccounts}::uuid[])
             AND provider_transaction_id = ANY(${gone}::text[])
          RETURNING transaction_date)
        SELECT count(*)::int AS count, min(transaction_date) AS earliest FROM gone`;
      return {
        added: inserted.length,
        modified: updated.length,
        removed: removed!.count,
        newTransactionIds: inserted,
        uncategorizedTransactionIds: uncategorized,
        owedHooks,
        modifiedTransactionIds: updated,
        earliestRemovedDay: removed!.earliest && toCalendarDate(removed!.earliest),
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
