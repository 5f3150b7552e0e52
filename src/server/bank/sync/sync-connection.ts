/**
 * One sync of one bank connection: page /transactions/sync from the stored cursor to the end,
 * then write every change and the new cursor in ONE database transaction. A crash anywhere
 * before the commit leaves the old cursor in place, so the next run fetches the same changes
 * again and the upserts make that harmless: nothing is lost, nothing is doubled.
 * https://plaid.com/docs/transactions/sync-migration/#pagination
 */
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import type { CategorizeDeps } from "~/server/categorize/decide-categories";
import type { OwedHooks } from "~/server/categorize/owed-hooks";
import { type SyncPage, type SyncSource, type SyncedTransaction, ProviderError } from "./sync-source";
import { writeSyncChanges } from "./write-sync-changes";

const PAGE_SIZE = 500;
const MAX_PAGINATION_RESTARTS = 5;

export type SyncDeps = {
  source: SyncSource;
  decryptAccessToken: (encrypted: string) => string;
  /** The categorizer's engines: new transactions are categorized as they are written. */
  categorize: CategorizeDeps;
};

export type SyncOutcome =
  | {
      status: "synced";
      syncRunId: string;
      added: number;
      modified: number;
      removed: number;
      newTransactionIds: string[];
      /** The new transactions that still need the LLM: for the categorize queue. */
      uncategorizedTransactionIds: string[];
      /** The hooks the other new transactions are owed, recorded with them: for the categorize queue. */
      owedHooks: OwedHooks[];
      modifiedTransactionIds: string[];
      earliestRemovedDay: string | null;
    }
  | { status: "reauth-required"; syncRunId: string }
  | { status: "skipped"; reason: string };

type Collected = {
  added: SyncedTransaction[];
  modified: SyncedTransaction[];
  removed: string[];
  cursor: string;
  pages: number;
};

async function collectChanges(
  deps: SyncDeps,
  accessToken: string,
  startCursor: string | null,
  onPage: (pages: number) => Promise<void>,
): Promise<Collected> {
  for (let attempt = 0; ; attempt++) {
    const collected: Collected = { added: [], modified: [], removed: [], cursor: startCursor ?? "", pages: 0 };
    let cursor = startCursor;
    try {
      let page: SyncPage;
      do {
        page = await deps.source.syncTransactions(accessToken, cursor, PAGE_SIZE);
        collected.added.push(...page.added);
        collected.modified.push(...page.modified);
        collected.removed.push(...page.removed);
        collected.pages++;
        cursor = page.nextCursor;
        await onPage(collected.pages);
      } while (page.hasMore);
      collected.cursor = page.nextCursor;
      return collected;
    } catch (error) {
      // The Item changed while we paged: Plaid asks to start over from the first cursor.
      if (error instanceof ProviderError && error.kind === "restart-pagination" && attempt < MAX_PAGINATION_RESTARTS)
        continue;
      throw error;
    }
  }
}

const INTERRUPTED = "Interrupted: the worker stopped before this sync finished; it was run again.";

export async function syncConnection(
  db: Db,
  connectionId: string,
  trigger: string,
  deps: SyncDeps,
): Promise<SyncOutcome> {
  const connection = await db.bankConnection.findUnique({
    where: { id: connectionId },
    select: { id: true, userId: true, status: true, syncCursor: true, accessTokenEncrypted: true },
  });
  if (!connection) return { status: "skipped", reason: "connection no longer exists" };
  if (connection.status === "DISCONNECTED") return { status: "skipped", reason: "connection is disconnected" };

  // Syncs of one connection never overlap (one job per connection), so a run still marked as
  // running belongs to a worker that died mid-sync; this sync is its retry. Closed, it stops
  // showing as live progress.
  const [, run] = await db.$transaction([
    db.syncRun.updateMany({
      where: { connectionId, status: "RUNNING" },
      data: { status: "FAILED", finishedAt: new Date(), error: INTERRUPTED },
    }),
    db.syncRun.create({
      data: { userId: connection.userId, connectionId, trigger },
      select: { id: true, startedAt: true },
    }),
  ]);
  const finishRun = (data: {
    status: "SUCCEEDED" | "FAILED";
    error?: string;
    added?: number;
    modified?: number;
    removed?: number;
  }) =>
    db.syncRun.update({
      where: { id: run.id },
      data: { error: null, ...data, finishedAt: new Date(), durationMs: Date.now() - run.startedAt.getTime() },
    });
  await db.bankConnection.update({ where: { id: connectionId }, data: { status: "SYNCING" } });

  try {
    const accessToken = deps.decryptAccessToken(connection.accessTokenEncrypted);
    const accounts = await deps.source.getAccounts(accessToken);
    const changes = await collectChanges(deps, accessToken, connection.syncCursor, (pages) =>
      db.syncRun.update({ where: { id: run.id }, data: { pages } }).then(() => undefined),
    );
    const written = await writeSyncChanges(
      db,
      { userId: connection.userId, connectionId, previousCursor: connection.syncCursor, accounts, ...changes },
      deps.categorize,
    );
    await finishRun({
      status: "SUCCEEDED",
      added: written.added,
      modified: written.modified,
      removed: written.removed,
    });
    return { status: "synced", syncRunId: run.id, ...written };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun({ status: "FAILED", error: message.slice(0, 1000) });
    // Another sync of this connection committed the same changes first: the connection's state is
    // that sync's to say, and it succeeded.
    if (error instanceof AppError && error.code === "CONFLICT") throw error;
    if (error instanceof ProviderError && error.kind === "reauth") {
      await db.bankConnection.update({
        where: { id: connectionId },
        data: { status: "REAUTH_REQUIRED", errorCode: error.providerCode, lastSyncStatus: "failed" },
      });
      return { status: "reauth-required", syncRunId: run.id };
    }
    const code =
      error instanceof ProviderError ? error.providerCode : error instanceof AppError ? error.code : "SYNC_FAILED";
    await db.bankConnection.update({
      where: { id: connectionId },
      data: { status: "ERROR", errorCode: code, lastSyncStatus: "failed" },
    });
    logger.warn({ connectionId, err: message }, "bank sync failed");
    throw error;
  }
}
