/**
 * The one shape every bank-file parser returns, whatever the format: transactions with exact decimal
 * amounts (negative = money out, see money.ts) and calendar dates, and the accounts the file names.
 */
import { z } from "zod";
import { currencyCode } from "~/server/transaction/money-schemas";
import { type CsvMappingReport, csvMappingOverride } from "./csv/csv-mapping";
import type { TextEncoding } from "./decode-text";

export const fileFormat = z.enum(["csv", "ofx", "qfx", "qif"]);
export type FileFormat = z.infer<typeof fileFormat>;

/** Same names as the AccountType enum in prisma/schema.prisma. */
export type AccountKind = "CHECKING" | "SAVINGS" | "CREDIT" | "LOAN" | "INVESTMENT" | "CASH" | "OTHER";

export type ParsedTransaction = {
  /** Where the transaction starts in the file, for messages and the preview. */
  line: number;
  date: string;
  amount: string;
  currency: string;
  description: string;
  payee: string | null;
  /** The bank's own id (OFX FITID, a CSV id column), when the file has one. */
  externalId: string | null;
  /** Key of the file account it belongs to (see ParsedAccount.key), null when the file names none. */
  account: string | null;
  /** Format-specific extras kept with the row (QIF splits, OFX TRNTYPE and CHECKNUM …). */
  metadata: Record<string, unknown> | null;
};

export type ParsedAccount = {
  key: string;
  name: string;
  type: AccountKind;
  currency: string | null;
  /** Last four characters of the account number, as banks show them. */
  mask: string | null;
  /** The statement's closing balance, when the file gives one. */
  balance: string | null;
};

export type SkippedLine = { line: number; reason: string };

export type ParsedFile = {
  format: FileFormat;
  encoding: TextEncoding;
  transactions: ParsedTransaction[];
  accounts: ParsedAccount[];
  /** Lines deliberately left out (pending rows without a date, opening/closing balance lines). */
  skipped: SkippedLine[];
  /** CSV only: the column mapping used, for the user to confirm or fix. */
  csv: CsvMappingReport | null;
};

export const parseOptions = z.object({
  fileName: z.string().trim().max(255).optional(),
  format: fileFormat.optional(),
  /** Used when the file does not say its currency. */
  currency: currencyCode.optional(),
  csv: csvMappingOverride.optional(),
});
export type ParseOptions = z.infer<typeof parseOptions>;

export const DEFAULT_CURRENCY = "USD";
