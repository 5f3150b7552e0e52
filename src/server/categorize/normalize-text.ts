/**
 * One spelling for bank text: lower case ASCII words separated by single spaces. German umlauts
 * become their two-letter forms ("Überweisung" → "ueberweisung"), as German banks print them in
 * ASCII exports; other accents are dropped; apostrophes vanish so "McDonald's" is "mcdonalds".
 */
const TWO_LETTER: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  Ä: "ae",
  Ö: "oe",
  Ü: "ue",
  ß: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  ł: "l",
  Ł: "l",
  đ: "d",
  Đ: "d",
};
const SPECIAL = /[äöüÄÖÜßæÆœŒøØłŁđĐ]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`´]/g;
const SEPARATORS = /[^a-z0-9]+/g;

function foldAccents(text: string, umlauts: "two-letter" | "plain"): string {
  if (!NON_ASCII.test(text)) return text;
  const special = umlauts === "two-letter" ? text.replace(SPECIAL, (c) => TWO_LETTER[c] ?? c) : text;
  return special
    .normalize("NFKD")
    .replace(COMBINING, "")
    .replace(SPECIAL, (c) => TWO_LETTER[c] ?? c);
}

export function normalizeText(text: string): string {
  return foldAccents(text, "two-letter").toLowerCase().replace(APOSTROPHES, "").replace(SEPARATORS, " ").trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(" ") : [];
}

/**
 * The spellings a written phrase can take on a statement: with umlauts as "ue" and, since some
 * exports just drop the dots, as plain "u" ("Überweisung" → "ueberweisung", "uberweisung").
 */
export function phraseSpellings(phrase: string): string[] {
  const plain = foldAccents(phrase, "plain").toLowerCase().replace(APOSTROPHES, "").replace(SEPARATORS, " ").trim();
  return [...new Set([normalizeText(phrase), plain])].filter(Boolean);
}
