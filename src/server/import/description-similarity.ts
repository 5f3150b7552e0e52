/**
 * Whether two bank descriptions name the same thing. The same card payment reads differently in a
 * CSV export and through Plaid ("SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA" vs "Blue Bottle Coffee"), so
 * exact comparison fails. Compare words instead: lowercase, split on anything but letters and digits,
 * drop numbers (store ids, dates, card digits) and filler words payment processors add. The score is
 * the share of the shorter list of words found in the longer one (a word also matches a word it
 * starts, "amzn" ~ "amznmktp"), so a short merchant name inside a long bank string scores 1.
 */
const FILLER = new Set([
  "the",
  "and",
  "pos",
  "sq",
  "tst",
  "pp",
  "paypal",
  "card",
  "debit",
  "credit",
  "purchase",
  "payment",
  "visa",
  "mastercard",
  "www",
  "com",
  "inc",
  "llc",
  "ltd",
  "gmbh",
  "co",
  "us",
  "usa",
  "ca",
  "ny",
]);
export const SIMILAR = 0.5;

export function descriptionWords(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !FILLER.has(w)),
    ),
  ];
}

function matches(word: string, other: string): boolean {
  if (word === other) return true;
  const [short, long] = word.length <= other.length ? [word, other] : [other, word];
  return short.length >= 4 && long.startsWith(short);
}

/** 0 … 1: how many of the shorter description's words the longer one contains. */
export function descriptionSimilarity(a: string, b: string): number {
  const left = descriptionWords(a);
  const right = descriptionWords(b);
  if (left.length === 0 || right.length === 0) return 0;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const found = shorter.filter((word) => longer.some((other) => matches(word, other))).length;
  return found / shorter.length;
}
