/**
 * Step one of an import: read the file and say, without writing anything, what would be added and
 * what is a duplicate and why. The CSV mapping comes back with it for the user to confirm or fix.
 */
import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";
import type { CsvMappingReport } from "./csv/csv-mapping";
import { type ImportOptions, importOptions, importTarget, selectTransactions } from "./import-options";
import { parseBankFile } from "./parse-bank-file";
import type { FileFormat, ParsedAccount, ParsedFile, ParsedTransaction, SkippedLine } from "./parsed-file";
import { type Duplicate, planImport } from "./plan-import";

export type ImportPreviewRow = Pick<
  ParsedTransaction,
  "line" | "date" | "amount" | "currency" | "description" | "payee" | "externalId"
> & { duplicate: Duplicate | null };

export type ImportPreview = {
  format: FileFormat;
  accounts: ParsedAccount[];
  csv: CsvMappingReport | null;
  skipped: SkippedLine[];
  rows: ImportPreviewRow[];
  counts: { total: number; new: number; duplicate: number };
};

/** Throws NOT_FOUND unless the account is the user's: a lookup by id alone does not exist. */
export async function assertOwnAccount(db: Pick<Db, "bankAccount">, userId: string, accountId: string) {
  const account = await db.bankAccount.findFirst({ where: { id: accountId, userId }, select: { id: true } });
  if (!account) throw notFound("Account");
}

/** What a parsed file would do to an account — the owner's, already checked, or one not created yet. */
export async function planPreview(
  db: Db,
  userId: string,
  accountId: string,
  file: ParsedFile,
  fileAccount: string | undefined,
): Promise<ImportPreview> {
  const planned = await planImport(db, userId, accountId, selectTransactions(file, fileAccount));
  const duplicates = planned.filter((r) => r.duplicate).length;
  return {
    format: file.format,
    accounts: file.accounts,
    csv: file.csv,
    skipped: file.skipped,
    rows: planned.map(({ line, date, amount, currency, description, payee, externalId, duplicate }) => ({
      line,
      date,
      amount,
      currency,
      description,
      payee,
      externalId,
      duplicate,
    })),
    counts: { total: planned.length, new: planned.length - duplicates, duplicate: duplicates },
  };
}

export async function previewImport(
  db: Db,
  target: { userId: string; accountId: string },
  bytes: Uint8Array,
  rawOptions: ImportOptions = {},
): Promise<ImportPreview> {
  const { userId, accountId } = importTarget.parse(target);
  const options = importOptions.parse(rawOptions);
  await assertOwnAccount(db, userId, accountId);
  return planPreview(db, userId, accountId, parseBankFile(bytes, options), options.fileAccount);
}
