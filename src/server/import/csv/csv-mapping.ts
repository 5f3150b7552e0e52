/**
 * How a CSV file's columns become transactions. The parser guesses it and returns it with the
 * preview; the user confirms or fixes it and sends it back as an override (any subset of fields).
 * Columns are 0-based indexes; `startLine` is the file line where the table (its header, if any) begins.
 */
import { z } from "zod";
import { currencyCode } from "~/server/transaction/money-schemas";
import { textEncoding } from "../decode-text";
import { csvDelimiter } from "./read-csv-records";

const column = z.number().int().min(0).max(999);
const flagWords = z.array(z.string().trim().toLowerCase().max(20)).max(10);

export const amountMapping = z.discriminatedUnion("kind", [
  /** One column with a signed amount; `negate` for exports that print charges as positive numbers. */
  z.object({ kind: z.literal("signed"), column, negate: z.boolean().default(false) }),
  /** Money out in one column, money in in another. */
  z.object({ kind: z.literal("debitCredit"), debitColumn: column, creditColumn: column }),
  /** An unsigned amount and a column that says which way it went ("D"/"C", "DR"/"CR", "debit"/"credit"). */
  z.object({
    kind: z.literal("flag"),
    column,
    flagColumn: column,
    debitValues: flagWords,
    creditValues: flagWords,
    /** What an empty flag means (exports that only mark credits with "CR"). */
    blankMeans: z.enum(["debit", "credit"]),
  }),
]);
export type AmountMapping = z.infer<typeof amountMapping>;

export const csvMapping = z.object({
  encoding: textEncoding,
  delimiter: csvDelimiter,
  startLine: z.number().int().min(1),
  hasHeader: z.boolean(),
  dateColumn: column,
  dateFormat: z.enum(["YMD", "DMY", "MDY"]),
  decimalMark: z.enum([".", ","]),
  amount: amountMapping,
  descriptionColumns: z.array(column).max(30),
  payeeColumn: column.nullable(),
  currencyColumn: column.nullable(),
  /** The currency of every row when no column says it (from a header like "Amount (EUR)" or a "£"). */
  currency: currencyCode.nullable(),
  idColumn: column.nullable(),
  accountColumn: column.nullable(),
});
export type CsvMapping = z.infer<typeof csvMapping>;

export const csvMappingOverride = csvMapping.partial();
export type CsvMappingOverride = z.infer<typeof csvMappingOverride>;

/** What the preview shows next to the mapping, so the user can judge it. */
export type CsvMappingReport = {
  mapping: CsvMapping;
  columns: string[];
  /** Parts of the mapping that were a guess between equally good readings ("dateFormat", "amountSign", …). */
  uncertain: string[];
};
