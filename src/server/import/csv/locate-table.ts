/**
 * Where the table starts inside a CSV export, and whether it has a header. Banks put account
 * details, balances and titles above the table ("Account details for:,…"); those rows are shorter
 * than the table's rows, which is how they are told apart.
 */
import { looksLikeDate } from "../parse-date";
import { type CsvRecord, modalWidth } from "./read-csv-records";

export type Table = {
  startLine: number;
  hasHeader: boolean;
  header: string[] | null;
  rows: CsvRecord[];
  /** Lines where the header appears again (exports concatenated from several downloads). */
  repeatedHeaders: number[];
};

const isHeaderLike = (record: CsvRecord | undefined) =>
  !!record &&
  record.cells.length > 1 &&
  !record.cells.some(looksLikeDate) &&
  record.cells.some((c) => /\p{L}/u.test(c));

function detectStart(records: readonly CsvRecord[]): number {
  const { width } = modalWidth(records);
  // One field less is still the table (a trailing delimiter on some rows but not others).
  const fits = (r: CsvRecord | undefined) => !!r && r.cells.length >= Math.max(2, width - 1);
  const first = records.findIndex(fits);
  if (first <= 0) return Math.max(first, 0);
  // A header can be wider than its rows; it is still the line right above them.
  const previous = records[first - 1];
  return isHeaderLike(previous) && previous!.cells.length >= width - 1 && !isHeaderLike(records[first])
    ? first - 1
    : first;
}

export function locateTable(
  records: readonly CsvRecord[],
  override: { startLine?: number; hasHeader?: boolean },
): Table {
  const start =
    override.startLine !== undefined ? records.findIndex((r) => r.line >= override.startLine!) : detectStart(records);
  if (start < 0)
    return { startLine: override.startLine ?? 1, hasHeader: false, header: null, rows: [], repeatedHeaders: [] };
  const first = records[start]!;
  const hasHeader = override.hasHeader ?? isHeaderLike(first);
  const header = hasHeader ? first.cells.map((c) => c.trim()) : null;
  const isRepeat = (r: CsvRecord) =>
    !!header && r.cells.length === header.length && r.cells.every((c, i) => c.trim() === header[i]);
  const body = records.slice(hasHeader ? start + 1 : start);
  return {
    startLine: first.line,
    hasHeader,
    header,
    rows: body.filter((r) => !isRepeat(r)),
    repeatedHeaders: body.filter(isRepeat).map((r) => r.line),
  };
}
