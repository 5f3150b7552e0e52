/**
 * A bank description → the merchant a person would name, and a key that is the same for every
 * transaction from that merchant ("SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA" and "Blue Bottle
 * Coffee" → "blue bottle coffee"). Well-known merchants get their usual name; anything else is
 * the description with processor prefixes, card and channel words, store and reference numbers,
 * dates, phone numbers and the trailing place stripped off.
 */
import { PEER_TO_PEER_APPS } from "./knowledge/keywords-money-movement";
import { knownMerchantIn } from "./known-merchants";
import { isAscii, normalizeText, tokenize } from "./normalize-text";
import { PhraseMatcher } from "./phrase-matcher";
import { stripStatementNoise } from "./strip-statement-noise";

export type CleanMerchant = { displayName: string; key: string };

const peerToPeer = new PhraseMatcher<string>();
for (const [name, ...aliases] of PEER_TO_PEER_APPS) {
  for (const alias of name === "Wise" ? aliases : [name, ...aliases]) peerToPeer.add(alias, name, { joined: true });
}

/** Words that only say how a P2P payment moved, not to whom. */
const P2P_FILLER = new Set(
  "payment payments pmt sent send received from to transfer xfer inst instant cashout cash out request web mobile p2p trans transaction de van naar an von ab".split(
    " ",
  ),
);

export function merchantKey(name: string): string {
  return normalizeText(name);
}

export function cleanMerchant(description: string): CleanMerchant {
  const tokens = tokenize(description);
  const known = knownMerchantIn(tokens);
  if (known) return { displayName: known.name, key: merchantKey(known.name) };

  const stripped = stripStatementNoise(description);
  const words = tokenize(stripped);
  const apps = peerToPeer.find(words);
  const app = apps[0];
  if (app) {
    // Money between people: keep who, so one friend's transfers are not everyone's. The words of
    // the app's own name go ("CASH APP*JOHN SMITH" is Cash App John Smith, not Cash App App …).
    const person = words.filter(
      (t, i) => !P2P_FILLER.has(t) && !apps.some((a) => i >= a.start && i < a.end) && !peerToPeer.find([t]).length,
    );
    const displayName = [app.value, ...person.map(capitalize)].join(" ");
    return { displayName, key: merchantKey(displayName) };
  }
  const named = presentable(stripped);
  if (named) return { displayName: named, key: keyOfPresentable(stripped, words, named) };
  const displayName = presentable(tokens.slice(0, 3).join(" "));
  if (!displayName) return { displayName: description.trim().slice(0, 255) || "Unknown", key: "" };
  return { displayName, key: merchantKey(displayName) };
}

/**
 * The key of presentable(text), given text's words. Title-casing ASCII text changes the case of
 * ASCII letters only, which the key ignores, so its key is text's words: the name is not split a
 * second time. Other text can change more than case ("ı" becomes "I"), so it is normalized anew.
 */
function keyOfPresentable(text: string, words: readonly string[], named: string): string {
  return isAscii(text) ? words.join(" ") : merchantKey(named);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

const NO_VOWELS = /^[^aeiouy]+$/i;

/** "BP", "CVS", "H&M": short words without vowels are initials, kept in capitals. */
function titleCased(word: string): string {
  return word.length <= 4 && NO_VOWELS.test(word) ? word.toUpperCase() : capitalize(word);
}

/**
 * Shouting statements become title case; names already in mixed case are kept as written. The
 * text's words are separated by single spaces, as stripStatementNoise and tokenize leave them.
 */
function presentable(text: string): string {
  if (!text) return "";
  if (hasLowerAndUpperCase(text)) return text;
  const words = text.split(" ");
  let titled = titleCased(words[0]!);
  for (let i = 1; i < words.length; i++) titled += ` ${titleCased(words[i]!)}`;
  return titled.includes("'S") ? titled.replace(/'S\b/g, "'s") : titled;
}

/** Whether text has an ASCII letter in each case: one pass, where two patterns each scanned it. */
function hasLowerAndUpperCase(text: string): boolean {
  let lower = false;
  let upper = false;
  for (let i = 0; i < text.length && !(lower && upper); i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) lower = true;
    else if (code >= 65 && code <= 90) upper = true;
  }
  return lower && upper;
}
