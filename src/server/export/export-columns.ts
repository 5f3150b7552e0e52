/** The columns of a transaction export, in order, shared by the CSV and the Excel writer. */
import type { ExportRow } from "./read-export-pages";

export const EXPORT_COLUMNS: { key: keyof ExportRow; header: string; width: number }[] = [
  { key: "date", header: "Date", width: 12 },
  { key: "description", header: "Description", width: 40 },
  { key: "merchant", header: "Merchant", width: 24 },
  { key: "category", header: "Category", width: 22 },
  { key: "detailedCategory", header: "Detailed category", width: 30 },
  { key: "amount", header: "Amount", width: 14 },
  { key: "currency", header: "Currency", width: 9 },
  { key: "account", header: "Account", width: 20 },
  { key: "status", header: "Status", width: 10 },
  { key: "notes", header: "Notes", width: 30 },
  { key: "tags", header: "Tags", width: 20 },
  { key: "id", header: "Transaction ID", width: 38 },
  { key: "splitOf", header: "Split of", width: 14 },
];

/** Columns holding an exact decimal amount (a number cell in Excel, never formula-guarded). */
export const MONEY_COLUMNS: ReadonlySet<keyof ExportRow> = new Set(["amount", "splitOf"]);

/**
 * Text from banks and users can start with "=", "+", "-" or "@", which a spreadsheet would run as
 * a formula (OWASP "CSV injection"); a leading apostrophe makes it plain text. Amounts and dates
 * are written by us and never pass through here.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
