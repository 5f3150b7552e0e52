/**
 * What the offline model sees of a description: its words, adjacent word pairs and the 3- and
 * 4-letter pieces of each word (so "BURGERKIN", cut off by the bank's column width, still
 * resembles "burger king"). Digits carry store numbers and dates, not meaning: they are dropped.
 */
const DIGITS = /[0-9]+/g;

export function extractFeatures(tokens: readonly string[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    const word = token.replace(DIGITS, "");
    if (word.length >= 2) words.push(word);
  }
  const features = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    features.add(`w:${word}`);
    if (i > 0) features.add(`b:${words[i - 1]}_${word}`);
    if (word.length < 3) continue;
    const padded = `^${word}$`;
    for (let n = 3; n <= 4; n++) {
      for (let start = 0; start + n <= padded.length; start++) features.add(`c:${padded.slice(start, start + n)}`);
    }
  }
  return [...features];
}
