/**
 * QIF (Quicken Interchange Format): "!Type:…" sections of records, one field per line (a code letter
 * and a value), each record ended by "^". Bank-like sections (Bank, Cash, CCard, Oth A, Oth L) hold
 * the transactions; splits (S/E/$ lines) are kept as metadata; categories, classes, securities and
 * memorized entries are not transactions; investment records are listed as skipped.
 * Format reference: https://en.wikipedia.org/wiki/Quicken_Interchange_Format
 * No npm package reads QIF with line numbers, hence this small reader.
 */
import { atLine } from "../cell-error";
import { decodeText } from "../decode-text";
import { describeTransaction } from "../describe-transaction";
import { ImportError, quote } from "../import-error";
import { detectDecimalMark, parseAmount } from "../parse-amount";
import { detectDateOrder, parseDate } from "../parse-date";
import {
  type AccountKind,
  DEFAULT_CURRENCY,
  type ParsedAccount,
  type ParsedFile,
  type ParsedTransaction,
  type ParseOptions,
  type SkippedLine,
} from "../parsed-file";

type Field = { code: string; value: string; line: number };
type QifRecord = { section: string; account: string | null; line: number; fields: Field[] };

const BANK_SECTIONS = new Set(["bank", "cash", "ccard", "oth a", "oth l"]);
const ACCOUNT_TYPES: Record<string, AccountKind> = {
  bank: "CHECKING",
  cash: "CASH",
  ccard: "CREDIT",
  "oth a": "OTHER",
  "oth l": "LOAN",
  invst: "INVESTMENT",
  port: "INVESTMENT",
  "401(k)": "INVESTMENT",
};

/** Splits the text into records, remembering each one's section and the account in force. */
function readRecords(text: string): { records: QifRecord[]; accounts: ParsedAccount[] } {
  const records: QifRecord[] = [];
  const accounts = new Map<string, ParsedAccount>();
  let section: string | null = null;
  let autoSwitch = false;
  let account: string | null = null;
  let fields: Field[] = [];

  const finish = () => {
    if (fields.length === 0) return;
    const first = fields[0]!;
    if (section === null) throw new ImportError(first.line, "a record comes before any !Type or !Account line");
    if (section === "account") {
      const name = fields.find((f) => f.code === "N")?.value.trim();
      if (name) {
        const type =
          fields
            .find((f) => f.code === "T")
            ?.value.trim()
            .toLowerCase() ?? "bank";
        if (!accounts.has(name))
          accounts.set(name, {
            key: name,
            name,
            type: ACCOUNT_TYPES[type] ?? "OTHER",
            currency: null,
            mask: null,
            balance: null,
          });
        if (!autoSwitch) account = name;
      }
    } else {
      records.push({ section, account, line: first.line, fields });
    }
    fields = [];
  };

  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\s+$/, "");
    if (!content.trim() || content.startsWith("#")) return;
    if (content.startsWith("!")) {
      finish();
      const header = content.slice(1).trim().toLowerCase();
      if (header === "option:autoswitch") autoSwitch = true;
      else if (header === "clear:autoswitch") autoSwitch = false;
      else if (header === "account") section = "account";
      else if (header.startsWith("type:")) section = header.slice(5).trim();
      else throw new ImportError(line, `${quote(content)} is not a QIF header`);
      return;
    }
    if (content.trim() === "^") return finish();
    fields.push({ code: content[0]!, value: content.slice(1).trim(), line });
  });
  finish();
  return { records, accounts: [...accounts.values()] };
}

function value(record: QifRecord, code: string): Field | undefined {
  return record.fields.find((f) => f.code === code);
}

function readSplits(record: QifRecord, mark: "." | ",") {
  const splits: { category: string | null; memo: string | null; amount: string | null }[] = [];
  for (const field of record.fields) {
    if (field.code === "S") splits.push({ category: field.value || null, memo: null, amount: null });
    const current = splits.at(-1);
    if (!current) continue;
    if (field.code === "E") current.memo = field.value || null;
    if (field.code === "$") current.amount = atLine(field.line, () => parseAmount(field.value, mark));
  }
  return splits;
}

export function parseQif(bytes: Uint8Array, options: ParseOptions): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const { records, accounts } = readRecords(text);
  const bank = records.filter((r) => BANK_SECTIONS.has(r.section));
  const skipped: SkippedLine[] = records
    .filter((r) => r.section === "invst")
    .map((r) => ({ line: r.line, reason: "investment record, not a cash transaction" }));
  const amounts = bank.flatMap((r) => r.fields.filter((f) => "TU$".includes(f.code)).map((f) => f.value));
  const mark = detectDecimalMark(amounts, ".");
  // Quicken writes US dates (M/D'YY) unless the file proves otherwise.
  const order = detectDateOrder(bank.map((r) => value(r, "D")?.value ?? "").filter(Boolean), "MDY").order;
  const currency = options.currency ?? DEFAULT_CURRENCY;

  const transactions = bank.map((record): ParsedTransaction => {
    const dateField = value(record, "D");
    if (!dateField?.value) throw new ImportError(record.line, "the transaction has no date (D line)");
    const date = parseDate(dateField.value, order);
    if (!date) throw new ImportError(dateField.line, `${quote(dateField.value)} is not a date`);
    const amountField = value(record, "T") ?? value(record, "U");
    const amount = amountField && atLine(amountField.line, () => parseAmount(amountField.value, mark));
    if (!amount) throw new ImportError(amountField?.line ?? record.line, "the transaction has no amount (T line)");
    const payee = value(record, "P")?.value || null;
    const splits = readSplits(record, mark);
    const extras = {
      ...(value(record, "N")?.value && { number: value(record, "N")!.value }),
      ...(value(record, "L")?.value && { category: value(record, "L")!.value }),
      ...(splits.length > 0 && { splits }),
    };
    return {
      line: record.line,
      date,
      amount,
      currency,
      description: describeTransaction(payee, value(record, "M")?.value || null),
      payee,
      externalId: null,
      account: record.account,
      metadata: Object.keys(extras).length ? extras : null,
    };
  });
  return { format: "qif", encoding, transactions, accounts, skipped, csv: null };
}
