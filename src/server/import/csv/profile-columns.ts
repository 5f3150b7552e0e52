/**
 * What each column of a table holds, judged from a sample of its cells: how many read as dates,
 * as amounts, as currency codes or direction flags. The mapping is inferred from these profiles.
 */
import { parseAmount } from "../parse-amount";
import { looksLikeDate } from "../parse-date";
import { type ColumnRole, CREDIT_FLAGS, DEBIT_FLAGS, roleOfHeader } from "./column-roles";
import type { CsvRecord } from "./read-csv-records";

const SAMPLE_ROWS = 500;
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export type ColumnProfile = {
  index: number;
  name: string;
  role: ColumnRole | null;
  priority: number;
  filled: number;
  dates: number;
  amounts: number;
  /** Digits only and long: an account or reference number, not an amount. */
  longIntegers: number;
  currencyCodes: number;
  flags: number;
  averageLength: number;
};

function readsAsAmount(value: string): boolean {
  for (const mark of [".", ","] as const) {
    try {
      if (parseAmount(value, mark) !== null) return true;
    } catch {
      // not with this mark
    }
  }
  return false;
}

export function isCurrencyCode(value: string, trustHeader: boolean): boolean {
  return /^[A-Za-z]{3}$/.test(value) && (trustHeader || CURRENCIES.has(value.toUpperCase()));
}

export function isFlag(value: string): boolean {
  const word = value.trim().toLowerCase();
  return DEBIT_FLAGS.has(word) || CREDIT_FLAGS.has(word);
}

export function profileColumns(header: string[] | null, rows: readonly CsvRecord[]): ColumnProfile[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  const width = Math.max(header?.length ?? 0, ...sample.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, index) => {
    const name = header?.[index] ?? "";
    const role = header ? roleOfHeader(name) : null;
    const values = sample.map((r) => (r.cells[index] ?? "").trim()).filter((v) => v !== "");
    return {
      index,
      name: name || `Column ${index + 1}`,
      role: role?.role ?? null,
      priority: role?.priority ?? 0,
      filled: values.length,
      dates: values.filter(looksLikeDate).length,
      amounts: values.filter(readsAsAmount).length,
      longIntegers: values.filter((v) => /^\d{6,}$/.test(v)).length,
      currencyCodes: values.filter((v) => isCurrencyCode(v, false)).length,
      flags: values.filter(isFlag).length,
      averageLength: values.reduce((sum, v) => sum + v.length, 0) / (values.length || 1),
    };
  });
}
