/**
 * What an export of the transaction list takes: the list's own filters (the Transactions page's
 * URL, the REST API's query), without its page size and cursor, and the file format.
 */
import { z } from "zod";
import { listTransactionsInput } from "~/server/transaction/list-transactions";

export const exportFormat = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportTransactionsInput = listTransactionsInput
  .omit({ limit: true, cursor: true })
  .extend({ format: exportFormat.default("csv") });
export type ExportTransactionsInput = z.input<typeof exportTransactionsInput>;
