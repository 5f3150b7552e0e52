/**
 * Which column is what. A header proposes (column-roles.ts) and the content must agree; where the
 * header says nothing (or there is none) the content decides: the leftmost column of dates, the
 * column of amounts, the longest text. What stays a guess is listed in `uncertain`.
 */
import type { AmountMapping } from "./csv-mapping";
import { type ColumnRole, CREDIT_FLAGS, DEBIT_FLAGS } from "./column-roles";
import { type ColumnProfile, isCurrencyCode } from "./profile-columns";
import type { CsvRecord } from "./read-csv-records";

export type InferredColumns = {
  dateColumn: number | null;
  amount: AmountMapping | null;
  descriptionColumns: number[];
  payeeColumn: number | null;
  currencyColumn: number | null;
  idColumn: number | null;
  accountColumn: number | null;
  uncertain: string[];
};

const MAX_ACCOUNTS = 10;
const majority = (count: number, p: ColumnProfile) => p.filled > 0 && count * 2 > p.filled;
const cell = (row: CsvRecord, index: number) => (row.cells[index] ?? "").trim();

function byRole(profiles: readonly ColumnProfile[], role: ColumnRole): ColumnProfile[] {
  return profiles.filter((p) => p.role === role).sort((a, b) => b.priority - a.priority || a.index - b.index);
}

function pickDate(profiles: readonly ColumnProfile[], noRows: boolean): ColumnProfile | undefined {
  const labelled = byRole(profiles, "date");
  return (
    labelled.find((p) => noRows || majority(p.dates, p)) ??
    profiles.find((p) => p.role === null && majority(p.dates, p)) ??
    labelled[0] // named a date but unreadable: keep it, so the error names the line
  );
}

/** Two columns that no row fills both of: money out and money in. */
function exclusive(rows: readonly CsvRecord[], a: number, b: number): boolean {
  const filled = (row: CsvRecord, i: number) => /[1-9]/.test(cell(row, i));
  return rows.every((row) => !(filled(row, a) && filled(row, b)));
}

function pickAmount(
  profiles: readonly ColumnProfile[],
  rows: readonly CsvRecord[],
  dateColumn: number | null,
  uncertain: string[],
): AmountMapping | null {
  const readable = (p: ColumnProfile) => (rows.length === 0 ? true : majority(p.amounts, p));
  const signed = byRole(profiles, "amount").find(readable);
  if (signed) return { kind: "signed", column: signed.index, negate: false };
  const debit = byRole(profiles, "debit").find((p) => p.filled === 0 || readable(p));
  const credit = byRole(profiles, "credit").find((p) => p.filled === 0 || readable(p));
  if (debit && credit) return { kind: "debitCredit", debitColumn: debit.index, creditColumn: credit.index };
  if (debit || credit) return { kind: "signed", column: (debit ?? credit)!.index, negate: !!debit && !credit };

  const candidates = profiles.filter(
    (p) =>
      p.role === null && p.index !== dateColumn && readable(p) && !majority(p.dates, p) && p.longIntegers < p.filled,
  );
  const [first, second] = candidates;
  if (first && second && rows.length > 0 && exclusive(rows, first.index, second.index)) {
    uncertain.push("amountColumns");
    // Without a header, the busier column is taken as money out: most rows of a statement are spending.
    const [debit, credit] = second.filled > first.filled ? [second, first] : [first, second];
    return { kind: "debitCredit", debitColumn: debit.index, creditColumn: credit.index };
  }
  const fullest = [...candidates].sort((a, b) => b.filled - a.filled)[0];
  if (fullest) return { kind: "signed", column: fullest.index, negate: false };
  const labelled = byRole(profiles, "amount")[0];
  return labelled ? { kind: "signed", column: labelled.index, negate: false } : null;
}

/** An unsigned amount next to a column of D/C, DR/CR, debit/credit words becomes a flagged amount. */
function withFlag(
  amount: AmountMapping,
  profiles: readonly ColumnProfile[],
  rows: readonly CsvRecord[],
  hasHeader: boolean,
): AmountMapping {
  if (amount.kind !== "signed" || rows.length === 0) return amount;
  if (rows.some((row) => /[-(]/.test(cell(row, amount.column)))) return amount; // signs already there
  const flagLike = (p: ColumnProfile) =>
    p.filled > 0 &&
    p.flags === p.filled &&
    (p.role === "flag" || (p.role === null && (!hasHeader || /^Column \d+$/.test(p.name))));
  const flag = profiles.find((p) => p.index !== amount.column && flagLike(p));
  if (!flag) return amount;
  const seen = new Set(rows.map((row) => cell(row, flag.index).toLowerCase()).filter(Boolean));
  const debitValues = [...seen].filter((v) => DEBIT_FLAGS.has(v));
  const creditValues = [...seen].filter((v) => CREDIT_FLAGS.has(v));
  if (debitValues.length + creditValues.length !== seen.size) return amount;
  return {
    kind: "flag",
    column: amount.column,
    flagColumn: flag.index,
    debitValues,
    creditValues,
    blankMeans: debitValues.length === 0 ? "debit" : "credit",
  };
}

function pickDescription(profiles: readonly ColumnProfile[], taken: Set<number>): number[] {
  const labelled = byRole(profiles, "description");
  const top = labelled[0]?.priority;
  if (top !== undefined) return labelled.filter((p) => p.priority === top).map((p) => p.index);
  if (byRole(profiles, "payee").length) return [];
  const text = profiles
    .filter(
      (p) => p.role === null && !taken.has(p.index) && p.filled > 0 && !majority(p.amounts, p) && !majority(p.dates, p),
    )
    .sort((a, b) => b.averageLength * b.filled - a.averageLength * a.filled)[0];
  return text ? [text.index] : [];
}

function distinctValues(rows: readonly CsvRecord[], index: number): Set<string> {
  return new Set(rows.map((row) => cell(row, index)));
}

export function inferColumns(
  profiles: readonly ColumnProfile[],
  rows: readonly CsvRecord[],
  hasHeader: boolean,
): InferredColumns {
  const uncertain: string[] = [];
  const date = pickDate(profiles, rows.length === 0);
  const dateColumn = date?.index ?? null;
  const found = pickAmount(profiles, rows, dateColumn, uncertain);
  const amount = found && withFlag(found, profiles, rows, hasHeader);
  const amountColumns = amount ? amountColumnsOf(amount) : [];
  const currency =
    byRole(profiles, "currency").find(
      (p) => p.filled > 0 && rows.every((r) => !cell(r, p.index) || isCurrencyCode(cell(r, p.index), true)),
    ) ?? profiles.find((p) => p.role === null && p.filled > 0 && p.currencyCodes === p.filled);
  const id = byRole(profiles, "id").find(
    (p) =>
      rows.length > 0 &&
      rows.every((r) => cell(r, p.index) !== "") &&
      distinctValues(rows, p.index).size === rows.length,
  );
  const account = byRole(profiles, "account").find(
    (p) => p.filled > 0 && distinctValues(rows, p.index).size <= MAX_ACCOUNTS,
  );
  const payee = byRole(profiles, "payee").find((p) => p.filled > 0) ?? byRole(profiles, "payee")[0];
  const taken = new Set([dateColumn, ...amountColumns, currency?.index, id?.index, account?.index, payee?.index]);
  taken.delete(undefined);
  taken.delete(null);
  if (amount?.kind === "signed" && !hasHeader) uncertain.push("amountSign");
  return {
    dateColumn,
    amount,
    descriptionColumns: pickDescription(profiles, taken as Set<number>),
    payeeColumn: payee?.index ?? null,
    currencyColumn: currency?.index ?? null,
    idColumn: id?.index ?? null,
    accountColumn: account?.index ?? null,
    uncertain,
  };
}

export function amountColumnsOf(amount: AmountMapping): number[] {
  return amount.kind === "debitCredit" ? [amount.debitColumn, amount.creditColumn] : [amount.column];
}
