/**
 * Step two: write the new rows and an import_batches row in ONE database transaction. The plan is
 * made again inside the transaction, with the account row locked, so what was previewed cannot
 * have gone stale and two imports into one account cannot interleave. A file that cannot be read
 * fails before anything is written.
 */
import { createHash } from "node:crypto";
import { enqueueCategorize } from "~/server/categorize/enqueue-categorize";
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
): Promise<ImportResult> {
  const { userId, accountId } = importTarget.parse(target);
  const options = importOptions.parse(rawOptions);
  const file = parseBankFile(bytes, options);
  const transactions = selectTransactions(file, options.fileAccount);
  const result = await db.$transaction(
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
      const rows = fresh.map((row) => toNewTransaction(row, accountId, batch.id));
      // "ignore": a concurrent identical import that got there first keeps its rows, this one adds none.
      const added = (await upsertTransactions(tx, userId, rows, "ignore")).inserted.length;
      const duplicates = planned.length - added;
      await tx.importBatch.update({ where: { id: batch.id }, data: { addedCount: added, duplicateCount: duplicates } });
      return { batchId: batch.id, total: planned.length, added, duplicates, skipped: file.skipped.length };
    },
    { timeout: TIMEOUT_MS, maxWait: 10_000 },
  );
  countShared("mt_transactions_ingested_total", { source: "import" }, result.added);
  // The categorize worker runs the after-change hooks (alerts, budgets, analytics) once the new
  // rows have categories; hooks run before that would judge uncategorized spending.
  if (result.added > 0) {
    const added = await db.transaction.findMany({
      where: { userId, importBatchId: result.batchId },
      select: { id: true },
    });
    await enqueueCategorize(
      userId,
      added.map((t) => t.id),
      `import-${result.batchId}`,
    );
  }
  return result;
}
