import { UnrecoverableError } from "bullmq";
import { decryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { getBankProvider } from "~/server/bank/providers/get-bank-provider";
import { syncConnection } from "~/server/bank/sync/sync-connection";
import { ProviderError } from "~/server/bank/sync/sync-source";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { countShared } from "~/server/metrics/shared-metrics";
import { raiseSyncProblemAlert } from "~/server/notification/sync-alerts";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { enqueueNewTransactions } from "~/server/categorize/enqueue-categorize";
import { afterTransactionsChanged } from "~/server/transaction/after-transactions-changed";
import type { Processor } from "../registry";

export const process: Processor<"bank-sync"> = async ({ connectionId, trigger }, job) => {
  const connection = await db.bankConnection.findUnique({
    where: { id: connectionId },
    select: { provider: true, userId: true, institutionName: true },
  });
  if (!connection) return { status: "skipped" };
  const problem = (errorCode: string, reauthRequired: boolean) =>
    raiseSyncProblemAlert(db, {
      userId: connection.userId,
      connectionId,
      institutionName: connection.institutionName,
      errorCode,
      reauthRequired,
    });
  try {
    const outcome = await syncConnection(db, connectionId, trigger, {
      source: getBankProvider(connection.provider),
      decryptAccessToken,
      categorize: categorizeDeps(),
    });
    countShared("mt_bank_syncs_total", { outcome: outcome.status });
    if (outcome.status === "synced")
      countShared("mt_transactions_ingested_total", { source: "bank" }, outcome.newTransactionIds.length);
    if (outcome.status === "reauth-required") await problem("ITEM_LOGIN_REQUIRED", true);
    if (outcome.status !== "synced") return outcome;
    // New transactions get their hooks from the categorize worker, once they have categories.
    await enqueueNewTransactions(connection.userId, outcome, outcome.syncRunId);
    await afterTransactionsChanged(db, connection.userId, outcome.modifiedTransactionIds, {
      earliestDay: outcome.earliestRemovedDay ?? undefined,
    });
    const { newTransactionIds, uncategorizedTransactionIds, owedHooks, modifiedTransactionIds, ...counts } = outcome;
    return {
      ...counts,
      newTransactionIds: newTransactionIds.length,
      uncategorizedTransactionIds: uncategorizedTransactionIds.length,
      owedHooks: owedHooks.length,
      modifiedTransactionIds: modifiedTransactionIds.length,
    };
  } catch (error) {
    // Another sync committed the same changes first: nothing is left to do.
    if (error instanceof AppError && error.code === "CONFLICT") {
      countShared("mt_bank_syncs_total", { outcome: "superseded" });
      return { status: "superseded" };
    }
    countShared("mt_bank_syncs_total", { outcome: "error" });
    if (error instanceof ProviderError && error.kind === "fatal") {
      await problem(error.providerCode, false);
      throw new UnrecoverableError(error.message);
    }
    // Rate limits and outages: BullMQ retries with exponential backoff; tell the user once it is clear it is not a blip.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
      await problem(error instanceof ProviderError ? error.providerCode : "SYNC_FAILED", false);
    throw error;
  }
};
