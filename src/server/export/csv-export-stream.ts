/**
 * The export as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads accents right), as a
 * stream that asks the database for the next page only when the reader wants more bytes.
 */
import { csvCell } from "~/server/user/transactions-csv";
import { EXPORT_COLUMNS, MONEY_COLUMNS } from "./export-columns";
import type { ExportRow } from "./read-export-pages";

const BOM = "\uFEFF";

function csvLine(row: ExportRow): string {
  return `${EXPORT_COLUMNS.map(({ key }) => csvCell(row[key], { numeric: MONEY_COLUMNS.has(key) })).join(",")}\r\n`;
}

export function csvExportStream(pages: AsyncGenerator<ExportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${BOM}${EXPORT_COLUMNS.map((c) => c.header).join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
