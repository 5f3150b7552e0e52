import { phraseSpellings } from "./normalize-text";

/** Where a phrase was found, in tokens, and how long it is in characters (longer = more specific). */
export type PhraseMatch<T> = { value: T; start: number; end: number; length: number };

type Exact<T> = { tokens: string[]; value: T; length: number };
type PartOfWord<T> = { kind: "prefix" | "suffix" | "infix"; text: string; value: T };

/**
 * Finds known phrases in tokenized text. Exact phrases are looked up by their first word, so a
 * description costs a handful of map lookups however many phrases there are. A single word may
 * start or end with `*` to match part of a word (German compounds), checked word by word.
 */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Exact<T>[]>();
  private readonly partial: PartOfWord<T>[] = [];

  /** `joined`: also accept a multi-word phrase written as one word ("burger king" → "burgerking"). */
  add(phrase: string, value: T, options: { joined?: boolean } = {}): void {
    const leading = phrase.startsWith("*");
    const trailing = phrase.endsWith("*");
    for (const spelling of phraseSpellings(phrase.replace(/^\*|\*$/g, ""))) {
      const words = spelling.split(" ");
      if (leading || trailing) {
        if (words.length !== 1) throw new Error(`a partial phrase must be one word: ${phrase}`);
        this.partial.push({
          kind: leading && trailing ? "infix" : leading ? "suffix" : "prefix",
          text: spelling,
          value,
        });
        continue;
      }
      this.addExact(words, value);
      if (options.joined && words.length > 1 && spelling.replace(/ /g, "").length >= 6) {
        this.addExact([words.join("")], value);
      }
    }
  }

  private addExact(tokens: string[], value: T) {
    const first = tokens[0]!;
    const list = this.exact.get(first) ?? [];
    list.push({ tokens, value, length: tokens.join(" ").length });
    this.exact.set(first, list);
  }

  find(tokens: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.exact.get(tokens[i]!);
      if (candidates) {
        for (const c of candidates) {
          if (startsAt(tokens, i, c.tokens)) {
            found.push({ value: c.value, start: i, end: i + c.tokens.length, length: c.length });
          }
        }
      }
      for (const p of this.partial) {
        const token = tokens[i]!;
        const hit =
          token.length >= p.text.length &&
          (p.kind === "prefix"
            ? token.startsWith(p.text)
            : p.kind === "suffix"
              ? token.endsWith(p.text)
              : token.includes(p.text));
        if (hit) found.push({ value: p.value, start: i, end: i + 1, length: p.text.length });
      }
    }
    return found;
  }
}

function startsAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}

/** Drops matches lying inside a longer one: "home depot" hides "depot", "direct deposit" hides "deposit". */
export function outermost<M extends { start: number; end: number }>(matches: M[]): M[] {
  return matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}
