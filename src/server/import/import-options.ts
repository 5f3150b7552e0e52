/**
 * What the preview and the commit take besides the file: the parse options (format, currency, CSV
 * mapping override) and, for a file that holds several accounts, which one goes into this account.
 */
import { z } from "zod";
import { AppError } from "~/server/errors";
import { parseOptions, type ParsedFile, type ParsedTransaction } from "./parsed-file";

export const importOptions = parseOptions.extend({
  /** Key of one of the file's accounts (ParsedAccount.key). Needed when the file holds several. */
  fileAccount: z.string().trim().min(1).max(255).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const importTarget = z.object({ userId: z.uuid(), accountId: z.uuid() });

/** The transactions of the file account chosen (or of the only one). */
export function selectTransactions(file: ParsedFile, fileAccount: string | undefined): ParsedTransaction[] {
  const keys = [...new Set(file.transactions.map((t) => t.account))];
  if (fileAccount !== undefined) {
    if (!keys.includes(fileAccount)) {
      throw new AppError("INVALID_INPUT", `The file has no transactions for account "${fileAccount}"`);
    }
    return file.transactions.filter((t) => t.account === fileAccount);
  }
  if (keys.length > 1) {
    const names = keys.map((k) => k ?? "(none)").join(", ");
    throw new AppError("INVALID_INPUT", `The file holds ${keys.length} accounts (${names}); choose one`, {
      fileAccounts: keys,
    });
  }
  return file.transactions;
}
