/**
 * What banks and card networks add around a merchant's name, removed: channel words ("POS",
 * "DEBIT CARD PURCHASE", "Kartenzahlung", "PRLV SEPA"), processor prefixes ("SQ *", "TST*",
 * "PAYPAL *"), reference tails ("DES:… ID:… INDN:…", "EREF+…"), card masks, dates and times,
 * phone numbers, store and reference numbers, web addresses, legal forms and the trailing place.
 * Original casing is kept.
 */
import { CITIES, COUNTRY_CODES, US_STATES } from "./knowledge/place-names";
import { collapseWhitespace, normalizeText, tokenize } from "./normalize-text";

const LEADING = new RegExp(
  "^(?:" +
    [
      "pos(?:\\s+(?:purchase|debit|transaction|withdrawal|refund|credit))?",
      "debit\\s+card(?:\\s+(?:purchase|debit|payment|refund))?",
      "dbt\\s+crd(?:\\s+\\d+)?",
      "check\\s*card(?:\\s+purchase)?(?:\\s+\\d{4})?",
      "(?:recurring\\s+)?(?:purchase|payment|debit\\s+card)\\s+authorized\\s+on\\s+\\d{1,2}/\\d{1,2}",
      "purchase(?:\\s+return)?",
      "visa\\s+dda\\s+pur",
      "(?:ach|preauthorized|electronic|online)\\s+(?:debit|credit|withdrawal|pmt|payment|purchase)",
      "card\\s+(?:payment|purchase|transaction)(?:\\s+to)?",
      "contactless(?:\\s+payment)?",
      "eftpos(?:\\s+purchase)?",
      "kartenzahlung(?:/-abrechnung)?",
      "girocard",
      "ec[\\s-]*karte",
      "sepa[\\s-]+(?:lastschrift|basislastschrift|überweisung|ueberweisung|gutschrift|credit\\s+transfer)",
      "(?:basis|folge|erst)?lastschrift",
      "paiement\\s+(?:par\\s+)?(?:carte|cb)(?:\\s+x?\\d{4})?(?:\\s+\\d{2}/\\d{2})?",
      "carte\\s+x?\\d{4}(?:\\s+\\d{2}/\\d{2})?",
      "cb\\s*\\*?\\s*\\d{0,4}(?:\\s+\\d{2}/\\d{2})?",
      "prlv(?:\\s+sepa)?",
      "pr[ée]l[èe]vement(?:\\s+sepa)?",
      "bea,?(?:\\s+betaalpas)?",
      "betaalautomaat",
      "pinbetaling",
      "gea,?",
      "ideal",
      "incasso",
      "compra(?:\\s+(?:con\\s+)?tarjeta)?",
      "pago\\s+con\\s+tarjeta",
      "visa(?:\\s+debit)?(?:\\s+purchase)?",
      "mastercard",
      "maestro",
      "apple\\s*pay",
      "google\\s*pay",
    ].join("|") +
    ")(?=[\\s:,.*#-]|$)[\\s:,.*#-]*",
  "i",
);

/** Short codes before a "*" that name a payment processor, not the merchant. */
const PROCESSORS = new Set(
  "sq squ tst sp pp py in dri bt eb fs wpy cke zip par smk ls glf rsv tcb clk nyx pos paypal google apple amzn amazon".split(
    " ",
  ),
);
const STARRED = /^([^*]{1,24}?)\s*\*\s*(.+)$/;
const FIRST_WORD = /\S+/;
const HAS_DIGIT = /\d/;
const LOOKS_LIKE_REFERENCE = /^[A-Z0-9-]*\d[A-Z0-9-]*$/i;

/** Every reference tail has its marker's ":", "#" or "+"; most descriptions have none of them. */
function stripTail(text: string): string {
  return text.includes(":") || text.includes("#") || text.includes("+") ? text.replace(TAIL_MARKERS, "") : text;
}

const TAIL_MARKERS =
  /\s(?:DES|INDN|CO\s*ID|PPD\s*ID|WEB\s*ID|CCD\s*ID|ID|ENTRY\s*DESCR|REF|REFERENCE|TRACE|CONF|CONFIRMATION|EREF|MREF|CRED|KREF|SVWZ|ABWA|IBAN|BIC|End-to-End-Ref\.?|Mandatsref\.?|Gl(?:ä|ae)ubiger-ID)\s*[:#+].*$/i;

/** Web addresses: none without a ".". */
const WEB_NOISE: RegExp[] = [
  /\b(?:help|www|support|billing)\./gi,
  /\.(?:com|net|org|co\.uk|com\.au|co|io|de|nl|fr|uk|au|ca|ch|at|be|es|it|se|no|dk|fi|eu|us|app|tv)\b(?:\/\S*)?/gi,
];
/**
 * Reference codes, phone numbers, dates, times, card masks, store and reference numbers: none
 * without a digit, and a description without digits (about half) is spared these ten passes.
 * Each call of a regular expression costs its setup however short the text, so a pattern only
 * runs when the text holds what every match of it must hold (`needs`: a "." for a date, a ":"
 * for a time…), and the four that seldom match anything (`rare`) are first tried all at once.
 */
type NumberNoise = { pattern: RegExp; needs?: (text: string, lower: string) => boolean; rare?: true };

const NUMBER_NOISE: NumberNoise[] = [
  { pattern: /\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}\b/gi, rare: true },
  { pattern: /\+?\d[\d ().-]{7,}\d/g, rare: true },
  {
    pattern: /\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b/g,
    needs: (text) => text.includes(".") || text.includes("/") || text.includes("-"),
  },
  { pattern: /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, needs: (text) => text.includes(":") },
  { pattern: /\b\d{1,2}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d{0,4}\b/gi, rare: true },
  {
    pattern: /\b(?:x{2,}|\*{2,}|#{2,})\d{2,4}\b/gi,
    needs: (text, lower) => lower.includes("xx") || text.includes("**") || text.includes("##"),
  },
  { pattern: /\bcard\s*(?:no\.?|number|ending(?:\s+in)?)?\s*\d{4}\b/gi, needs: (_, lower) => lower.includes("card") },
  {
    pattern: /\b(?:store|str|shop|unit|no|nr|branch|loc|location|fil|filiale|terminal|term)\.?\s*#?\s*\d+\b/gi,
    rare: true,
  },
  { pattern: /#\s*\d+/g, needs: (text) => text.includes("#") },
  { pattern: /\b[a-z]?\d{3,}\b/gi },
];

/**
 * Matches where any rare pattern would (case does not matter to the one without the "i" flag: it
 * has no letters). When it finds nothing, none of them can match until another pattern changes the text.
 */
const ANY_RARE_NUMBER_NOISE = new RegExp(
  NUMBER_NOISE.filter((n) => n.rare)
    .map((n) => `(?:${n.pattern.source})`)
    .join("|"),
  "i",
);

/**
 * Removing noise only writes spaces, so a text that lacks a piece a pattern `needs` before these
 * passes lacks it after each of them: the pieces are looked for once.
 */
function stripNumberNoise(text: string): string {
  const lower = text.toLowerCase();
  let rareMayMatch = ANY_RARE_NUMBER_NOISE.test(text);
  let current = text;
  for (const { pattern, needs, rare } of NUMBER_NOISE) {
    if ((rare && !rareMayMatch) || (needs && !needs(text, lower))) continue;
    const next = current.replace(pattern, " ");
    if (next !== current) rareMayMatch = true;
    current = next;
  }
  return current;
}

const LEGAL_FORM =
  /[\s,]+(?:inc|llc|ltd|limited|gmbh(?:\s*&\s*co\.?\s*kg)?|ag|kg|ohg|se|sa|sas|sarl|srl|spa|bv|b\.v|nv|n\.v|plc|corp|corporation|company|pty(?:\s+ltd)?|ab|oy|a\/s|e\.?\s?k|ug|e\.?\s?v)\.?$/i;
/**
 * LEGAL_FORM tried at every comma or space of a description was the cleaner's costliest step. A
 * match is at most ~20 characters once spaces are single, so a text whose last 40 do not match
 * cannot match at all.
 */
const LEGAL_FORM_REACH = 40;

function stripLegalForm(text: string): string {
  return LEGAL_FORM.test(text.slice(-LEGAL_FORM_REACH)) ? text.replace(LEGAL_FORM, "").trim() : text;
}

/** Up to three legal forms ("ACME HOLDINGS LTD, INC."), stopping at the first pass that finds none. */
function stripLegalForms(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    const next = stripLegalForm(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function stripLeading(text: string): string {
  let current = text.trim();
  for (let i = 0; i < 4; i++) {
    const next = current.replace(LEADING, "").trim();
    if (next === current) break;
    current = next;
  }
  return current;
}

function resolveProcessor(text: string): string {
  const match = text.includes("*") ? STARRED.exec(text) : null;
  if (!match) return text;
  const [, left = "", right = ""] = match;
  const leftKey = normalizeText(left).replace(/ /g, "");
  const rightFirst = FIRST_WORD.exec(right)?.[0] ?? "";
  if (PROCESSORS.has(leftKey) && !LOOKS_LIKE_REFERENCE.test(rightFirst)) return right;
  return LOOKS_LIKE_REFERENCE.test(rightFirst) ? left : `${left} ${right}`;
}

/**
 * text.lastIndexOf(" ", from), as a loop: V8 answers lastIndexOf in its runtime, a costly call for
 * the few characters scanned here.
 */
function lastSpaceAtOrBefore(text: string, from: number): number {
  for (let i = Math.min(Math.max(from, 0), text.length - 1); i >= 0; i--) if (text.charCodeAt(i) === 32) return i;
  return -1;
}

const lastWord = (text: string) => text.slice(lastSpaceAtOrBefore(text, text.length) + 1);

type City = { name: string; words: string[] };

/**
 * The cities by their last word, each list in CITIES' order: only cities ending in the text's
 * last word can end the text, so one lookup replaces a scan of every city per description.
 */
const CITIES_BY_LAST_WORD = new Map<string, City[]>();
for (const name of CITIES) {
  const city = { name, words: name.split(" ") };
  const list = CITIES_BY_LAST_WORD.get(lastWord(name));
  if (list) list.push(city);
  else CITIES_BY_LAST_WORD.set(lastWord(name), [city]);
}

/** Where the last `count` words of text.slice(0, end) start, less one; -1 when it has no more words than that. */
function spaceBeforeLastWords(text: string, end: number, count: number): number {
  let at = end;
  for (let i = 0; i < count && at >= 0; i++) at = lastSpaceAtOrBefore(text, at - 1);
  return at;
}

/**
 * The last `count` words (or more) of normalizeText(text.slice(0, end)), all of them when it has
 * fewer. Normalizing stops at a space, so the text is normalized a space-separated piece at a
 * time from the end, only as far back as those words need.
 */
function lastNormalizedWords(text: string, end: number, count: number): string[] {
  let words: string[] = [];
  for (let stop = end; words.length < count && stop > 0;) {
    const space = lastSpaceAtOrBefore(text, stop - 1);
    words = tokenize(text.slice(space + 1, stop)).concat(words);
    stop = space;
  }
  return words;
}

/** Whether the words end with the city's and have at least one more before them. */
function endsWithCity(words: readonly string[], city: readonly string[]): boolean {
  if (words.length <= city.length) return false;
  for (let i = 1; i <= city.length; i++) if (words[words.length - i] !== city[city.length - i]) return false;
  return true;
}

/**
 * Drops trailing state, country and city words, keeping at least one word of name. Works back
 * from the end of the text, whose words are separated by single spaces: splitting every
 * description into words and joining them again cost more than the rest of this step.
 */
function stripPlace(text: string): string {
  let end = text.length; // the name is text.slice(0, end)
  for (;;) {
    const space = lastSpaceAtOrBefore(text, end - 1);
    if (space < 0) break;
    const word = text.slice(space + 1, end);
    const last = normalizeText(word);
    // Statements print place codes in capitals: "Toys R Us" or "Bar Ca" keep their last word.
    if ((US_STATES.has(last) || COUNTRY_CODES.has(last)) && word === word.toUpperCase()) {
      end = space;
      continue;
    }
    const cut = cityCut(text, end, last);
    if (cut < 0) break;
    end = cut;
  }
  return text.slice(0, end);
}

/**
 * Where the city ending text.slice(0, end) starts, less one; -1 when no city ends it. `last` is
 * the text's last word normalized, which is also the normalized text's last word unless that word
 * is all punctuation. A function of its own, not a closure in stripPlace's loop: tsx (the worker's
 * runtime) names every closure it creates, which cost more than the closure's work.
 */
function cityCut(text: string, end: number, last: string): number {
  const cities = CITIES_BY_LAST_WORD.get(last ? lastWord(last) : (lastNormalizedWords(text, end, 1).at(-1) ?? ""));
  if (!cities) return -1;
  for (const city of cities) {
    if (endsWithCity(lastNormalizedWords(text, end, city.words.length + 1), city.words))
      return spaceBeforeLastWords(text, end, city.words.length);
  }
  return -1;
}

const EDGE_NOISE = /^[\s,.:;/&-]+|[\s,.:;/&-]+$/g;
/** The ASCII characters of EDGE_NOISE (\s is tab to carriage return and space there). */
const EDGE_ASCII = new Set([..." ,.:;/&-\t\n\v\f\r"].map((c) => c.charCodeAt(0)));
const WHITESPACE = /\s/;

function isEdgeNoise(code: number): boolean {
  return code < 128 ? EDGE_ASCII.has(code) : WHITESPACE.test(String.fromCharCode(code));
}

/** Leading and trailing punctuation and spaces; the pattern only runs when an end has some. */
function trimEdgeNoise(text: string): string {
  if (text === "" || (!isEdgeNoise(text.charCodeAt(0)) && !isEdgeNoise(text.charCodeAt(text.length - 1)))) return text;
  return text.replace(EDGE_NOISE, "").trim();
}

/** The description without the noise, its words separated by single spaces. */
export function stripStatementNoise(description: string): string {
  let text = stripLeading(collapseWhitespace(description));
  text = stripTail(text);
  text = resolveProcessor(text);
  text = stripLeading(text);
  // Removing noise only writes spaces, so a text without a "." or a digit never gains one.
  if (text.includes(".")) for (const pattern of WEB_NOISE) text = text.replace(pattern, " ");
  if (HAS_DIGIT.test(text)) text = stripNumberNoise(text);
  if (text.includes("*") || text.includes("#")) text = text.replace(/[*#]+/g, " ");
  text = collapseWhitespace(text).trim();
  text = stripLegalForms(text);
  text = stripPlace(text);
  return trimEdgeNoise(text);
}
