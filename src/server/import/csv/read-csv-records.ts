/**
 * CSV text to records with their line numbers, through csv-parse (strict quoting: a stray quote is a
 * malformed file, not something to guess around). Finds the delimiter by trying each one.
 */
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { ImportError } from "../import-error";

export const csvDelimiter = z.enum([",", ";", "\t", "|"]);
export type CsvDelimiter = z.infer<typeof csvDelimiter>;

export type CsvRecord = { line: number; cells: string[] };

const SAMPLE_LINES = 200;

function parseRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  try {
    const rows = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is where a record ends; quoted line breaks inside it say how far back it started.
    return rows.map(({ record, info }) => {
      let breaks = 0;
      for (const cell of record) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) breaks++;
      return { line: info.lines - breaks, cells: record };
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvImportError(error, text);
  }
}

/** The line where the last quoted field opened, for "closing quote missing" (csv-parse reports the end of the file). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    }
  }
  return opened;
}

function csvImportError(error: CsvError, text: string): ImportError {
  const at = (error as CsvError & { lines?: number }).lines ?? 1;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new ImportError(
        unclosedQuoteLine(text),
        "a quoted field starts on this line and its closing quote is missing",
      );
    case "CSV_INVALID_CLOSING_QUOTE":
      return new ImportError(at, "a quoted field is followed by text before the next delimiter");
    case "INVALID_OPENING_QUOTE":
      return new ImportError(at, "a quote appears in the middle of an unquoted field");
    default:
      return new ImportError(at, `cannot read this line as CSV (${error.code})`);
  }
}

/** Records that hold something (blank lines and rows of empty cells carry nothing). */
export function readCsvRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  return parseRecords(text, delimiter).filter((r) => r.cells.some((c) => c.trim() !== ""));
}

/**
 * The delimiter under which the rows agree best on their number of fields, weighted by that number
 * (so "a;b;c" beats the two halves a decimal comma makes of "12,50"). Ties go to the earlier one.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.split("\n", SAMPLE_LINES).join("\n");
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of csvDelimiter.options) {
    // Rows this delimiter cannot read (or the sample's cut through a quoted field) just do not vote.
    const records = (
      parse(sample, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
      }) as string[][]
    ).map((cells) => ({ line: 0, cells }));
    if (records.length === 0) continue;
    const { width, count } = modalWidth(records);
    const score = width > 1 ? (count / records.length) * Math.log2(width) : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** The most common number of fields among rows with at least two (ties: the wider). */
export function modalWidth(records: readonly CsvRecord[]): { width: number; count: number } {
  const counts = new Map<number, number>();
  for (const r of records) if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let width = 1;
  let count = 0;
  for (const [w, c] of counts) if (c > count || (c === count && w > width)) [width, count] = [w, c];
  return { width, count };
}
