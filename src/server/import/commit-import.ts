/**
 * Step two: write the new rows and an import_batches row in ONE database transaction. The plan is
 * made again inside the transaction, with the account row locked, so what was previewed cannot
 * have gone stale and two imports into one account cannot interleave. A file that cannot be read
 * fails before anything is written. New rows are categorized as they are written, but for those
 * only the LLM should answer, which go to the categorize queue.
 */
import { createHash } from "node:crypto";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { categorizeNewTransactions } from "~/server/categorize/categorize-new-transactions";
import type { CategorizeDeps } from "~/server/categorize/decide-categories";
import { enqueueNewTransactions } from "~/server/categorize/enqueue-categorize";
import { recordOwedHooks } from "~/server/categorize/owed-hooks";
import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";
import { countShared } from "~/server/metrics/shared-metrics";
import { type NewTransaction, upsertTransactions } from "~/server/transaction/insert-transactions";
import { type ImportOptions, importOptions, importTarget, selectTransactions } from "./import-options";
import { parseBankFile } from "./parse-bank-file";
import { type PlannedRow, planImport } from "./plan-import";

export type ImportResult = { batchId: string; total: number; added: number; duplicates: number; skipped: number };

const TIMEOUT_MS = 120_000; // 100,000 rows take a few seconds; the default 5 s is for small transactions

function toNewTransaction(row: PlannedRow, accountId: string, importBatchId: string): NewTransaction {
  return {
    accountId,
    providerTransactionId: row.key,
    amount: row.amount,
    currency: row.currency,
    date: row.date,
    description: row.description,
    merchantName: row.payee,
    metadata: { ...row.metadata, line: row.line },
    importBatchId,
  };
}

export async function commitImport(
  db: Db,
  target: { userId: string; accountId: string },
  bytes: Uint8Array,
  rawOptions: ImportOptions = {},
  categorize: CategorizeDeps = categorizeDeps(),
): Promise<ImportResult> {
  const { userId, accountId } = importTarget.parse(target);
  const options = importOptions.parse(rawOptions);
  const file = parseBankFile(bytes, options);
  const transactions = selectTransactions(file, options.fileAccount);
  const { result, written } = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM bank_accounts WHERE id = ${accountId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw notFound("Account");
      const planned = await planImport(tx, userId, accountId, transactions);
      const fresh = planned.filter((r) => !r.duplicate);
      const batch = await tx.importBatch.create({
        data: {
          userId,
          accountId,
          fileName: (options.fileName ?? "upload").slice(0, 255),
          format: file.format,
          fileHash: createHash("sha256").update(bytes).digest("hex"),
          status: "COMMITTED",
          rowCount: planned.length,
          committedAt: new Date(),
        },
        select: { id: true },
      });
      // The user's knowledge is read outside this transaction (`db`, not `tx`): the global cache's
      // hit counts it bumps must not stay locked, for other users' writes, until this one commits.
      const rows = await categorizeNewTransactions(
        db,
        userId,
        fresh.map((row) => toNewTransaction(row, accountId, batch.id)),
        categorize,
      );
      // "ignore": a concurrent identical import that got there first keeps its rows, this one adds none.
      const written = await upsertTransactions(tx, userId, rows, "ignore");
      const owedHooks = await recordOwedHooks(tx, userId, written);
      const added = written.inserted.length;
      const duplicates = planned.length - added;
      await tx.importBatch.update({ where: { id: batch.id }, data: { addedCount: added, duplicateCount: duplicates } });
      return {
        result: { batchId: batch.id, total: planned.length, added, duplicates, skipped: file.skipped.length },
        written: { uncategorizedTransactionIds: written.uncategorized, owedHooks },
      };
    },
    { timeout: TIMEOUT_MS, maxWait: 10_000 },
  );
  countShared("mt_transactions_ingested_total", { source: "import" }, result.added);
  // The categorize worker runs the after-change hooks (alerts, budgets, analytics) once the new
  // rows have categories; hooks run before that would judge uncategorized spending.
  await enqueueNewTransactions(userId, written, `import-${result.batchId}`);
  return result;
}
