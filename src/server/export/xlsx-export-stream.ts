/**
 * The export as an Excel workbook, written by exceljs's streaming WorkbookWriter: each row is
 * committed (serialized into the zip and dropped) as soon as it is added, and the next page is
 * read from the database only once the reader has taken what was written — memory stays bounded
 * whatever the number of rows.
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EXPORT_COLUMNS, MONEY_COLUMNS, inertText } from "./export-columns";
import type { ExportRow } from "./read-export-pages";

/** Decimal(15,2) has at most 15 significant digits, which a double holds exactly: the cell shows the same decimal. */
const amountCell = (amount: string) => (amount === "" ? null : Number(amount));

// Calendar days are UTC midnights; exceljs turns a Date into Excel's day serial from its UTC time.
const dateCell = (day: string) => new Date(`${day}T00:00:00Z`);

function cells(row: ExportRow): unknown[] {
  return EXPORT_COLUMNS.map(({ key }) => {
    if (MONEY_COLUMNS.has(key)) return amountCell(row[key]);
    if (key === "date") return dateCell(row.date);
    return key === "currency" || key === "id" || key === "status" ? row[key] : inertText(row[key]);
  });
}

async function writeWorkbook(pages: AsyncGenerator<ExportRow[]>, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Transactions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(({ key, header, width }) => ({
    key,
    header,
    width,
    style: MONEY_COLUMNS.has(key) ? { numFmt: "#,##0.00" } : key === "date" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const page of pages) {
    for (const row of page) sheet.addRow(cells(row)).commit();
    if (out.destroyed) return;
    if (out.writableNeedDrain) await once(out, "drain");
  }
  sheet.commit();
  await workbook.commit();
}

export function xlsxExportStream(pages: AsyncGenerator<ExportRow[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  writeWorkbook(pages, out).catch((error: unknown) => out.destroy(error as Error));
  out.on("close", () => void pages.return(undefined));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
