/**
 * Reads amounts as banks print them — "1.234,56", "(12.00)", "+ £1,100.00", "11'373.94", "7.80-",
 * "د.ا.‏4.750" — into exact decimal strings ("-1234.56"). Never through a float: the digits are
 * moved as text, and the result is what `decimalString` in money.ts accepts.
 */
import { CellError } from "./cell-error";
import { quote } from "./import-error";

export type DecimalMark = "." | ",";

const NUMBER_RUN = /^\d[\d.,'\u2019 \u00a0\u202f]*/;
// What may stand around the number: currency symbols and codes, direction marks, spaces.
const DECORATION = /^[\p{L}\p{Sc}\p{M}\u200e\u200f\u061c. ]{0,12}$/u;
const MAX_INTEGER_DIGITS = 13; // Decimal(15,2)

type Pieces = { negative: boolean; number: string; decoration: string };

/** Splits a cell into sign, digits-with-separators and the symbols around them; null when the cell is empty. */
function splitAmount(raw: string): Pieces | null {
  let text = raw.trim().replace(/\u2212/g, "-");
  if (text === "" || /^[-–—]+$/.test(text)) return null;
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/\d\s*-$/.test(text)) {
    negative = !negative;
    text = text.replace(/\s*-$/, "");
  }
  const first = text.search(/\d/);
  if (first < 0) throw new CellError(`${quote(raw)} is not an amount`);
  const run = NUMBER_RUN.exec(text.slice(first))![0];
  const number = run.replace(/[.,'\u2019 \u00a0\u202f]+$/, "");
  const before = text.slice(0, first);
  const after = text.slice(first + number.length);
  const signs = before.replace(/[^-+]/g, "");
  if (signs.length > 1) throw new CellError(`${quote(raw)} has more than one sign`);
  if (signs === "-") negative = !negative;
  const decoration = before.replace(/[-+]/g, "") + after;
  if (!DECORATION.test(before.replace(/[-+]/g, "").trim()) || !DECORATION.test(after.trim())) {
    throw new CellError(`${quote(raw)} is not an amount`);
  }
  return { negative, number, decoration: decoration.trim() };
}

function integerPart(text: string, mark: DecimalMark, raw: string): string {
  if (/^\d+$/.test(text)) return text;
  // Thousands separators: any of the others, used consistently, in groups of three.
  const separator = text.replace(/\d/g, "")[0]!;
  const grouped = new RegExp(`^\\d{1,3}(?:${escapeRegExp(separator)}\\d{3})+$`);
  if (separator === mark || !grouped.test(text)) {
    throw new CellError(`${quote(raw)} is not an amount (decimal mark is "${mark}")`);
  }
  return text.split(separator).join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Exact decimal string with two decimals ("-1234.50"), or null for an empty cell. Throws CellError. */
const PLAIN_DOT = /^-?\d{1,13}\.\d{2}$/;
const PLAIN_COMMA = /^-?\d{1,13},\d{2}$/;

export function parseAmount(raw: string, mark: DecimalMark): string | null {
  // Most cells are already plain ("-12.34"): answer them without the general reader.
  if ((mark === "." ? PLAIN_DOT : PLAIN_COMMA).test(raw) && !/^-?0+[,.]00$/.test(raw)) {
    const text = mark === "." ? raw : raw.replace(",", ".");
    return text.replace(/^(-?)0+(?=\d)/, "$1");
  }
  const pieces = splitAmount(raw);
  if (!pieces) return null;
  const parts = pieces.number.split(mark);
  if (parts.length > 2) throw new CellError(`${quote(raw)} is not an amount (decimal mark is "${mark}")`);
  const whole = integerPart(parts[0]!, mark, raw).replace(/^0+(?=\d)/, "");
  const fraction = parts[1] ?? "";
  if (!/^\d*$/.test(fraction)) throw new CellError(`${quote(raw)} is not an amount (decimal mark is "${mark}")`);
  if (/[1-9]/.test(fraction.slice(2))) throw new CellError(`${quote(raw)} has more than 2 decimals`);
  if (whole.length > MAX_INTEGER_DIGITS) throw new CellError(`${quote(raw)} is too large`);
  const cents = fraction.slice(0, 2).padEnd(2, "0");
  const zero = /^0*$/.test(whole + cents);
  return `${pieces.negative && !zero ? "-" : ""}${whole}.${cents}`;
}

/** The symbol or code printed next to the amount ("£", "EUR"), if any; used to guess a currency. */
export function amountDecoration(raw: string): string {
  try {
    return splitAmount(raw)?.decoration ?? "";
  } catch {
    return "";
  }
}

/**
 * Which mark is the decimal one, voted by the values that say so unambiguously: the last of two
 * different separators, or a lone separator not followed by exactly three digits. "4,884" and
 * "1.000" say nothing (thousands or three decimals?), so they do not vote.
 */
export function detectDecimalMark(values: Iterable<string>, fallback: DecimalMark): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const raw of values) {
    const match = /\d[\d.,'\u2019 \u00a0\u202f]*/.exec(raw);
    const run = match?.[0].replace(/[.,'\u2019 \u00a0\u202f]+$/, "") ?? "";
    const marks = run.replace(/[^.,]/g, "");
    if (!marks) continue;
    const last = marks[marks.length - 1] as DecimalMark;
    const vote = (m: DecimalMark) => (m === "." ? dot++ : comma++);
    if (marks.includes(".") && marks.includes(",")) vote(last);
    else if (marks.length > 1) vote(last === "." ? "," : ".");
    else if (!/[.,]\d{3}$/.test(run)) vote(last);
  }
  if (dot === comma) return fallback;
  return dot > comma ? "." : ",";
}

/**
 * "115.8331" → "115.83": half-to-even rounding of a plain decimal string, in integer arithmetic.
 * Only for formats whose amounts are unambiguous (OFX), where some institutions send fractions of a
 * cent (money-market funds); the exact figure is kept beside the rounded one by the caller.
 */
export function roundToCents(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new CellError(`${quote(text)} is not an amount`);
  const [, sign, whole = "", fraction = ""] = match;
  const digits = BigInt((whole || "0") + fraction.padEnd(2, "0").slice(0, 2));
  const dropped = fraction.slice(2).replace(/0+$/, "");
  // Compare the dropped digits with one half: "5" exactly is a tie, broken towards the even cent.
  const aboveHalf = dropped > "5";
  const tie = dropped === "5";
  const cents = digits + (aboveHalf || (tie && digits % 2n === 1n) ? 1n : 0n);
  const rounded = `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
  return sign === "-" && cents !== 0n ? `-${rounded}` : rounded;
}
