/**
 * Reads the dates banks print ("2019-03-02", "22.02.18", "10/02/2018", "12-Dec-2019", "2/10'2020",
 * "20190311", "December 24, 2022") into calendar days "YYYY-MM-DD". A time or zone after the date is
 * ignored: the bank's date is the day, never shifted (DESIGN.md, "Money and time").
 *
 * The order of day and month is a property of the whole file, not of one value: `detectDateOrder`
 * tries each order on every value and keeps the one that reads them all.
 */
export type DateOrder = "YMD" | "DMY" | "MDY";
export const DATE_ORDERS: readonly DateOrder[] = ["YMD", "DMY", "MDY"];

const TIME = String.raw`(?:[T\s,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{3,4}))?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])\s*(\d{1,2})\2\s*(\d{1,2})\.?${TIME}$`, "i");
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})\s*[-/.']\s*(\d{1,2})\s*[-/.']\s*(\d{2}|\d{4})\.?${TIME}$`, "i");
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})\.?[-\s./]*([\p{L}]{3,9})\.?[-\s./,']*(\d{2}|\d{4})${TIME}$`,
  "iu",
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([\p{L}]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})${TIME}$`,
  "iu",
);

// English, German, French, Spanish and Dutch names and abbreviations, without accents.
const MONTHS: Record<string, number> = {};
const NAMES = [
  "jan january januar janvier janv enero ene januari jaen",
  "feb february februar fevrier fevr fev febrero februari",
  "mar march marz mrz mars marzo maart mrt",
  "apr april avril avr abril abr",
  "may mai mayo mei",
  "jun june juni juin junio",
  "jul july juli juillet juil julio",
  "aug august aout agosto ago augustus",
  "sep sept september septembre septiembre",
  "oct october okt oktober octobre octubre",
  "nov november novembre noviembre",
  "dec december dez dezember decembre diciembre dic",
];
NAMES.forEach((line, index) => line.split(" ").forEach((name) => (MONTHS[name] = index + 1)));

function monthFromName(name: string): number | undefined {
  return MONTHS[name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()];
}

function fullYear(text: string): number {
  const year = Number(text);
  // Two-digit years: a fixed pivot, so the same file always reads the same way.
  if (text.length === 2) return year < 70 ? 2000 + year : 1900 + year;
  return year;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day as YYYY-MM-DD, or null when `raw` is not a date in this order. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseDate(raw: string, order: DateOrder): string | null {
  const text = raw.trim();
  if (order === "YMD") {
    if (ISO_DAY.test(text)) return isoDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8)));
    const separated = YEAR_FIRST.exec(text);
    if (separated) return isoDate(Number(separated[1]), Number(separated[3]), Number(separated[4]));
    const compact = COMPACT.exec(text);
    return compact ? isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3])) : null;
  }
  const numeric = YEAR_LAST.exec(text);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = order === "DMY" ? [first, second] : [second, first];
    return isoDate(fullYear(numeric[3]!), month, day);
  }
  const named = order === "DMY" ? DAY_MONTH_NAME.exec(text) : MONTH_NAME_DAY.exec(text);
  if (!named) return null;
  const [dayText, monthText] = order === "DMY" ? [named[1]!, named[2]!] : [named[2]!, named[1]!];
  const month = monthFromName(monthText);
  return month ? isoDate(fullYear(named[3]!), month, Number(dayText)) : null;
}

/** True when `raw` reads as a date in any order. */
export function looksLikeDate(raw: string): boolean {
  return DATE_ORDERS.some((order) => parseDate(raw, order) !== null);
}

export type DetectedDateOrder = { order: DateOrder; ambiguous: boolean };

/**
 * The order that reads the most values. When two orders read them all (every day ≤ 12), prefer the
 * one under which the dates run in order (statements are sorted), then `prefer` (MDY for dollar
 * files), then DMY, the more common order worldwide. `ambiguous` tells the UI to ask the user.
 */
export function detectDateOrder(values: readonly string[], prefer?: DateOrder): DetectedDateOrder {
  const scored = DATE_ORDERS.map((order) => {
    const days = values.map((v) => parseDate(v, order));
    return { order, read: days.filter(Boolean).length, sorted: sortedness(days) };
  });
  const best = Math.max(...scored.map((s) => s.read));
  const tied = scored.filter((s) => s.read === best);
  if (tied.length === 1) return { order: tied[0]!.order, ambiguous: false };
  const mostSorted = Math.max(...tied.map((s) => s.sorted));
  const ordered = tied.filter((s) => s.sorted === mostSorted);
  if (ordered.length === 1) return { order: ordered[0]!.order, ambiguous: false };
  const pick = ordered.find((s) => s.order === prefer) ?? ordered.find((s) => s.order === "DMY") ?? ordered[0]!;
  return { order: pick.order, ambiguous: best > 0 };
}

function sortedness(days: (string | null)[]): number {
  const present = days.filter((d): d is string => d !== null);
  let up = 0;
  let down = 0;
  for (let i = 1; i < present.length; i++) {
    if (present[i]! >= present[i - 1]!) up++;
    if (present[i]! <= present[i - 1]!) down++;
  }
  return Math.max(up, down);
}
