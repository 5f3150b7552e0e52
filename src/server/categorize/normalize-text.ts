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
const COMBINING = /[\u0300-\u036f]/g;

/** No character past U+007F. A loop, not a pattern: texts here are short, and a pattern's call cost more than the scan. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function foldAccents(text: string, umlauts: "two-letter" | "plain"): string {
  if (isAscii(text)) return text;
  const special = umlauts === "two-letter" ? text.replace(SPECIAL, (c) => TWO_LETTER[c] ?? c) : text;
  return special
    .normalize("NFKD")
    .replace(COMBINING, "")
    .replace(SPECIAL, (c) => TWO_LETTER[c] ?? c);
}

const isWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57); // a–z, 0–9
const isApostrophe = (code: number) => code === 39 || code === 0x2019 || code === 96 || code === 0xb4; // ' ’ ` ´

/**
 * Lower-case text → its words: runs of a–z and 0–9, with apostrophes dropped inside a word and
 * anything else separating words. One pass over the characters: the cleaner splits every
 * description several times, and the same done with replace, trim and split cost about 4× as much.
 */
function wordsOf(lower: string): string[] {
  const words: string[] = [];
  let word = "";
  let runStart = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isWordChar(code)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) word += lower.slice(runStart, i);
    runStart = -1;
    if (word && !isApostrophe(code)) {
      words.push(word);
      word = "";
    }
  }
  if (runStart >= 0) word += lower.slice(runStart);
  if (word) words.push(word);
  return words;
}

/** Whitespace runs other than a lone space: replacing every run, even " " by " ", copied the whole text. */
const WHITESPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/** Every run of whitespace as a single space. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, " ");
}

export function tokenize(text: string): string[] {
  // The cleaner tokenizes statement words one at a time too; a plain word only needs lower case.
  if (isPlainWord(text)) return [text.toLowerCase()];
  return wordsOf(foldAccents(text, "two-letter").toLowerCase());
}

/** Letters and digits only, ASCII: what most single words of a statement are. */
function isPlainWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code) && !(code >= 65 && code <= 90)) return false; // a–z, 0–9, A–Z
  }
  return true;
}

export function normalizeText(text: string): string {
  // The cleaner normalizes statement words one at a time; a plain word only needs lower case.
  if (isPlainWord(text)) return text.toLowerCase();
  const words = tokenize(text);
  // Most calls normalize a single word, which needs no join.
  return words.length === 1 ? words[0]! : words.join(" ");
}

/**
 * The spellings a written phrase can take on a statement: with umlauts as "ue" and, since some
 * exports just drop the dots, as plain "u" ("Überweisung" → "ueberweisung", "uberweisung").
 */
export function phraseSpellings(phrase: string): string[] {
  const plain = wordsOf(foldAccents(phrase, "plain").toLowerCase()).join(" ");
  return [...new Set([normalizeText(phrase), plain])].filter(Boolean);
}
