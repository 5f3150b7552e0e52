/**
 * OFX / QFX statements (bank, credit card, and the cash side of investment accounts) into the
 * normalized shape. Element names and meanings: OFX 2.2 specification, sections 11.4 (banking),
 * 11.5 (STMTTRN), 13 (investment). Trades (INVBUY, INVSELL …) are not cash movements of a bank
 * account and are listed as skipped.
 */
import { atLine } from "../cell-error";
import { decodeText } from "../decode-text";
import { describeTransaction } from "../describe-transaction";
import { ImportError, quote } from "../import-error";
import { parseAmount, roundToCents } from "../parse-amount";
import { parseDate } from "../parse-date";
import {
  type AccountKind,
  DEFAULT_CURRENCY,
  type ParsedAccount,
  type ParsedFile,
  type ParsedTransaction,
  type ParseOptions,
  type SkippedLine,
} from "../parsed-file";
import { child, childText, descendants, type OfxElement, readOfxTree } from "./read-ofx-tree";

const STATEMENTS = { STMTRS: "BANKACCTFROM", CCSTMTRS: "CCACCTFROM", INVSTMTRS: "INVACCTFROM" } as const;
const TRADES = [
  "BUYDEBT",
  "BUYMF",
  "BUYOPT",
  "BUYOTHER",
  "BUYSTOCK",
  "CLOSUREOPT",
  "INCOME",
  "INVEXPENSE",
  "JRNLFUND",
  "JRNLSEC",
  "MARGININTEREST",
  "REINVEST",
  "RETOFCAP",
  "SELLDEBT",
  "SELLMF",
  "SELLOPT",
  "SELLOTHER",
  "SELLSTOCK",
  "SPLIT",
  "TRANSFER",
];
const ACCOUNT_TYPES: Record<string, AccountKind> = {
  CHECKING: "CHECKING",
  SAVINGS: "SAVINGS",
  MONEYMRKT: "SAVINGS",
  CD: "SAVINGS",
  CREDITLINE: "CREDIT",
};
const OFX_DATE = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?(?:[.:]\d{1,3})?\s*(?:\[[^\]]*\])?$/;

function ofxDate(element: OfxElement): string {
  const text = element.text?.trim() ?? "";
  const m = OFX_DATE.exec(text);
  const day = m && parseDate(`${m[1]}${m[2]}${m[3]}`, "YMD");
  if (!day) throw new ImportError(element.line, `<${element.name}> ${quote(text)} is not a date (YYYYMMDD…)`);
  return day;
}

/**
 * OFX amounts: optional sign, digits, one "." or "," as decimal mark — no symbols, no grouping.
 * Returns the amount in cents and, when the bank sent finer fractions, the exact figure.
 */
function ofxAmount(element: OfxElement): { amount: string; exact: string | null } {
  const text = element.text?.trim() ?? "";
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) {
    throw new ImportError(element.line, `<${element.name}> ${quote(text)} is not an amount`);
  }
  const plain = text.replace(",", ".");
  const fine = /\.\d*[1-9]\d*$/.test(plain) && /\.\d{3,}$/.test(plain);
  const amount = atLine(element.line, () => parseAmount(fine ? roundToCents(plain) : plain, "."))!;
  return { amount, exact: fine ? plain.replace(/^\+/, "") : null };
}

function required(parent: OfxElement, name: string): OfxElement {
  const found = child(parent, name);
  if (!found || !found.text?.trim()) throw new ImportError(parent.line, `<${parent.name}> has no <${name}>`);
  return found;
}

/** A STATUS with severity ERROR means the bank sent no statement; say what the bank said. */
function checkStatus(wrapper: OfxElement, what: string) {
  const status = child(wrapper, "STATUS");
  if (!status || childText(status, "SEVERITY")?.toUpperCase() !== "ERROR") return;
  const message = childText(status, "MESSAGE") ?? "no message";
  throw new ImportError(status.line, `${what}: ${message} (code ${childText(status, "CODE") ?? "?"})`);
}

function readAccount(statement: OfxElement, index: number): ParsedAccount {
  const from = child(statement, STATEMENTS[statement.name as keyof typeof STATEMENTS]);
  const id = (from && childText(from, "ACCTID")) ?? `statement-${index + 1}`;
  const type: AccountKind =
    statement.name === "CCSTMTRS"
      ? "CREDIT"
      : statement.name === "INVSTMTRS"
        ? "INVESTMENT"
        : (ACCOUNT_TYPES[(from && childText(from, "ACCTTYPE"))?.toUpperCase() ?? ""] ?? "CHECKING");
  const balanceAmount = child(statement, "LEDGERBAL") && child(child(statement, "LEDGERBAL")!, "BALAMT");
  const alnum = id.replace(/[^A-Za-z0-9]/g, "");
  return {
    key: id,
    name: `${type[0]}${type.slice(1).toLowerCase()} ${alnum.slice(-4)}`.trim(),
    type,
    currency: childText(statement, "CURDEF")?.toUpperCase() ?? null,
    mask: alnum.length >= 4 ? alnum.slice(-4) : null,
    // An empty <BALAMT> means "no balance given" (ofxparse's lenient mode and other readers agree).
    balance: balanceAmount?.text?.trim() ? ofxAmount(balanceAmount).amount : null,
  };
}

function readTransaction(element: OfxElement, account: ParsedAccount, fallbackCurrency: string): ParsedTransaction {
  const date = ofxDate(child(element, "DTPOSTED") ?? required(element, "DTPOSTED"));
  const { amount, exact } = ofxAmount(required(element, "TRNAMT"));
  const name =
    childText(element, "NAME") ?? (child(element, "PAYEE") && childText(child(element, "PAYEE")!, "NAME")) ?? null;
  const memo = childText(element, "MEMO");
  // With <CURRENCY>, amounts are in that currency; with <ORIGCURRENCY> they are already converted.
  const currency =
    (child(element, "CURRENCY") && childText(child(element, "CURRENCY")!, "CURSYM")) ??
    account.currency ??
    fallbackCurrency;
  if (!/^[A-Za-z]{3}$/.test(currency)) throw new ImportError(element.line, `${quote(currency)} is not a currency code`);
  const type = childText(element, "TRNTYPE");
  const checkNumber = childText(element, "CHECKNUM");
  return {
    line: element.line,
    date,
    amount,
    currency: currency.toUpperCase(),
    description: describeTransaction(name, memo),
    payee: name,
    externalId: childText(element, "FITID"),
    account: account.key,
    metadata:
      type || checkNumber || exact
        ? {
            ...(type && { type: type.toUpperCase() }),
            ...(checkNumber && { checkNumber }),
            ...(exact && { exactAmount: exact }),
          }
        : null,
  };
}

export function parseOfx(bytes: Uint8Array, options: ParseOptions): Omit<ParsedFile, "format"> {
  const { text, encoding } = decodeText(bytes);
  const root = readOfxTree(text);
  const signOn = descendants(root, "SONRS")[0];
  if (signOn) checkStatus(signOn, "the bank refused the sign-on");
  for (const name of ["STMTTRNRS", "CCSTMTTRNRS", "INVSTMTTRNRS"]) {
    for (const wrapper of descendants(root, name))
      checkStatus(wrapper, "the bank sent an error instead of a statement");
  }
  const fallback = options.currency ?? DEFAULT_CURRENCY;
  const accounts: ParsedAccount[] = [];
  const transactions: ParsedTransaction[] = [];
  const skipped: SkippedLine[] = [];
  const statements = Object.keys(STATEMENTS).flatMap((name) => descendants(root, name));
  statements.sort((a, b) => a.line - b.line);
  statements.forEach((statement, index) => {
    const account = readAccount(statement, index);
    accounts.push(account);
    for (const element of descendants(statement, "STMTTRN"))
      transactions.push(readTransaction(element, account, fallback));
    for (const trade of TRADES.flatMap((name) => descendants(statement, name))) {
      skipped.push({ line: trade.line, reason: `investment activity <${trade.name}>, not a cash transaction` });
    }
  });
  skipped.sort((a, b) => a.line - b.line);
  return { encoding, transactions, accounts, skipped, csv: null };
}
