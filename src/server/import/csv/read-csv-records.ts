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
  let lastLine = 0;
  try {
    const rows = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
      on_record: (record: string[], context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return rows.map(({ record, raw, info }) => {
      const breaks = raw.split("\n").length - 1 - (raw.endsWith("\n") ? 1 : 0);
      return { line: info.lines - breaks, cells: record };
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvImportError(error, lastLine);
  }
}

function csvImportError(error: CsvError, lastGoodLine: number): ImportError {
  const at = (error as CsvError & { lines?: number }).lines ?? lastGoodLine + 1;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new ImportError(lastGoodLine + 1, "a quoted field starts on this line and its closing quote is missing");
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
