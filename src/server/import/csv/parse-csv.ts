/**
 * CSV bank exports: decode, split, find the table, infer (or take) the mapping, read every row.
 * Any row that cannot be read rejects the file with its line; rows that are deliberately not
 * transactions (pending rows without a date, opening/closing balance lines) are listed as skipped.
 */
import { negate } from "~/server/transaction/money";
import { atLine } from "../cell-error";
import { decodeText } from "../decode-text";
import { ImportError, quote } from "../import-error";
import { detectDecimalMark, type DecimalMark, parseAmount } from "../parse-amount";
import { type DateOrder, detectDateOrder, parseDate } from "../parse-date";
import {
  DEFAULT_CURRENCY,
  type ParsedFile,
  type ParsedTransaction,
  type ParseOptions,
  type SkippedLine,
} from "../parsed-file";
import type { CsvMapping, CsvMappingOverride } from "./csv-mapping";
import { amountColumnsOf, inferColumns, type InferredColumns } from "./infer-csv-columns";
import { locateTable, type Table } from "./locate-table";
import { profileColumns } from "./profile-columns";
import { type CsvDelimiter, type CsvRecord, detectDelimiter, readCsvRecords } from "./read-csv-records";
import { currencyOfHeader, currencyOfSymbol } from "./guess-currency";

const cell = (row: CsvRecord, index: number) => (row.cells[index] ?? "").trim();
const PENDING = /^pending$/i;
// Statement summaries some banks print as rows (Swedbank's 10/82/86 records, German "Anfangssaldo").
const BALANCE_LINE =
  /^(opening balance|closing balance|turnover|anfangssaldo|endsaldo|alter kontostand|neuer kontostand|solde initial|solde final|saldo inicial|saldo final|beginsaldo|eindsaldo)$/i;

function completeMapping(
  table: Table,
  inferred: InferredColumns,
  override: CsvMappingOverride,
  base: { encoding: CsvMapping["encoding"]; delimiter: CsvDelimiter },
  uncertain: string[],
): CsvMapping {
  const where = table.startLine;
  const dateColumn = override.dateColumn ?? inferred.dateColumn;
  if (dateColumn === null) throw new ImportError(where, "no column holds dates; choose the date column");
  const amount = override.amount ?? inferred.amount;
  if (!amount) throw new ImportError(where, "no column holds amounts; choose the amount column(s)");
  const amountColumns = amountColumnsOf(amount);
  const amountCells = table.rows.flatMap((row) => amountColumns.map((i) => cell(row, i)));
  const dollars = amountCells.some((v) => v.includes("$"));
  let dateFormat: DateOrder | undefined = override.dateFormat;
  if (!dateFormat) {
    const dates = table.rows.map((row) => cell(row, dateColumn)).filter((v) => v && !PENDING.test(v));
    const detected = detectDateOrder(dates, dollars ? "MDY" : undefined);
    if (detected.ambiguous) uncertain.push("dateFormat");
    dateFormat = detected.order;
  }
  const decimalMark: DecimalMark =
    override.decimalMark ?? detectDecimalMark(amountCells, base.delimiter === ";" ? "," : ".");
  const headerCurrency = amountColumns.map((i) => currencyOfHeader(table.header?.[i] ?? "")).find(Boolean);
  return {
    ...base,
    startLine: table.startLine,
    hasHeader: table.hasHeader,
    dateColumn,
    dateFormat,
    decimalMark,
    amount,
    descriptionColumns: override.descriptionColumns ?? inferred.descriptionColumns,
    payeeColumn: override.payeeColumn !== undefined ? override.payeeColumn : inferred.payeeColumn,
    currencyColumn: override.currencyColumn !== undefined ? override.currencyColumn : inferred.currencyColumn,
    currency: override.currency !== undefined ? override.currency : (headerCurrency ?? currencyOfSymbol(amountCells)),
    idColumn: override.idColumn !== undefined ? override.idColumn : inferred.idColumn,
    accountColumn: override.accountColumn !== undefined ? override.accountColumn : inferred.accountColumn,
  };
}

const abs = (amount: string) => amount.replace(/^-/, "");

function readAmount(row: CsvRecord, mapping: CsvMapping): string {
  const read = (index: number) => atLine(row.line, () => parseAmount(cell(row, index), mapping.decimalMark));
  const { amount } = mapping;
  if (amount.kind === "debitCredit") {
    const debit = read(amount.debitColumn);
    const credit = read(amount.creditColumn);
    const nonZero = (v: string | null) => v !== null && /[1-9]/.test(v);
    if (nonZero(debit) && nonZero(credit))
      throw new ImportError(row.line, "both the debit and the credit column hold an amount");
    if (nonZero(debit)) return negate(abs(debit!));
    return credit ?? "0.00";
  }
  const value = read(amount.column);
  if (value === null) throw new ImportError(row.line, "the amount is missing");
  if (amount.kind === "signed") return amount.negate ? negate(value) : value;
  const flag = cell(row, amount.flagColumn).toLowerCase();
  const side = amount.debitValues.includes(flag)
    ? "debit"
    : amount.creditValues.includes(flag)
      ? "credit"
      : flag === ""
        ? amount.blankMeans
        : null;
  if (!side) throw new ImportError(row.line, `${quote(flag)} does not say debit or credit`);
  return side === "debit" ? negate(abs(value)) : abs(value);
}

function readCurrency(row: CsvRecord, mapping: CsvMapping, fallback: string): string {
  const code = mapping.currencyColumn === null ? "" : cell(row, mapping.currencyColumn);
  if (!code) return mapping.currency ?? fallback;
  if (!/^[A-Za-z]{3}$/.test(code)) throw new ImportError(row.line, `${quote(code)} is not a currency code`);
  return code.toUpperCase();
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Why a row is not a transaction, or null when it must be read as one. */
function notATransaction(row: CsvRecord, mapping: CsvMapping, inFooter: boolean): string | null {
  const dateText = cell(row, mapping.dateColumn);
  if (PENDING.test(dateText)) return "pending, no date yet";
  if (inFooter) return "footer after the last transaction";
  if (amountColumnsOf(mapping.amount).every((i) => !cell(row, i))) return "no amount";
  return null;
}

function readRows(table: Table, mapping: CsvMapping, fallbackCurrency: string) {
  const transactions: ParsedTransaction[] = [];
  const skipped: SkippedLine[] = table.repeatedHeaders.map((line) => ({ line, reason: "the header, repeated" }));
  const { rows } = table;
  // Trailing rows with words where the date belongs are a footer ("Total", "End of statement").
  const isFooter = (row: CsvRecord) => {
    const text = cell(row, mapping.dateColumn);
    return /^\p{L}/u.test(text) && !parseDate(text, mapping.dateFormat);
  };
  let footer = rows.length;
  while (footer > 0 && isFooter(rows[footer - 1]!)) footer--;
  rows.forEach((row, index) => {
    const dateText = cell(row, mapping.dateColumn);
    const text = squash(mapping.descriptionColumns.map((i) => cell(row, i)).join(" "));
    const reason = notATransaction(row, mapping, index >= footer && footer > 0);
    if (reason === "no amount" && !dateText && transactions.length > 0) {
      // A row that only continues the previous row's description (wrapped by the bank).
      const previous = transactions.at(-1)!;
      previous.description = squash(`${previous.description} ${row.cells.join(" ")}`);
      return;
    }
    if (reason) {
      skipped.push({ line: row.line, reason });
      return;
    }
    if (!dateText) throw new ImportError(row.line, "the date is missing");
    const date = parseDate(dateText, mapping.dateFormat);
    if (!date)
      throw new ImportError(row.line, `${quote(dateText)} is not a date (expected ${mapping.dateFormat} order)`);
    const amount = readAmount(row, mapping);
    if (BALANCE_LINE.test(text)) {
      skipped.push({ line: row.line, reason: "balance line, not a transaction" });
      return;
    }
    const payee = mapping.payeeColumn === null ? null : squash(cell(row, mapping.payeeColumn)) || null;
    transactions.push({
      line: row.line,
      date,
      amount,
      currency: readCurrency(row, mapping, fallbackCurrency),
      description: text || payee || "",
      payee,
      externalId: mapping.idColumn === null ? null : cell(row, mapping.idColumn) || null,
      account: mapping.accountColumn === null ? null : cell(row, mapping.accountColumn) || null,
      metadata: null,
    });
  });
  skipped.sort((a, b) => a.line - b.line);
  return { transactions, skipped };
}

export function parseCsv(bytes: Uint8Array, options: ParseOptions): ParsedFile {
  const override = options.csv ?? {};
  const { text, encoding } = decodeText(bytes, override.encoding);
  if (!text.trim()) throw new ImportError(1, "the file is empty");
  const delimiter = override.delimiter ?? detectDelimiter(text);
  const table = locateTable(readCsvRecords(text, delimiter), override);
  const profiles = profileColumns(table.header, table.rows);
  const inferred = inferColumns(profiles, table.rows, table.hasHeader);
  const uncertain = [...inferred.uncertain];
  const mapping = completeMapping(table, inferred, override, { encoding, delimiter }, uncertain);
  const { transactions, skipped } = readRows(table, mapping, options.currency ?? DEFAULT_CURRENCY);
  const accountNames = [...new Set(transactions.map((t) => t.account).filter((a): a is string => a !== null))];
  return {
    format: "csv",
    encoding,
    transactions,
    accounts: accountNames.map((name) => ({
      key: name,
      name,
      type: "CHECKING",
      currency: transactions.find((t) => t.account === name)?.currency ?? null,
      mask: /\d{4}$/.test(name) ? name.slice(-4) : null,
      balance: null,
    })),
    skipped,
    csv: { mapping, columns: profiles.map((p) => p.name), uncertain },
  };
}
