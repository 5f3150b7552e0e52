/** The filtered transaction list as a downloadable file, for the Transactions page and the REST API. */
import type { Db } from "~/server/db";
import { csvExportStream } from "./csv-export-stream";
import { type ExportTransactionsInput, exportTransactionsInput } from "./export-transactions-input";
import { readExportPages } from "./read-export-pages";
import { xlsxExportStream } from "./xlsx-export-stream";
import type { DownloadFile } from "./download-response";

export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export function exportTransactions(db: Db, userId: string, rawInput: ExportTransactionsInput): DownloadFile {
  const { format, ...filters } = exportTransactionsInput.parse(rawInput);
  const pages = readExportPages(db, userId, filters);
  return {
    body: format === "csv" ? csvExportStream(pages) : xlsxExportStream(pages),
    contentType: EXPORT_CONTENT_TYPES[format],
    fileName: `transactions-${new Date().toISOString().slice(0, 10)}.${format}`,
  };
}
