import { MONEY_IN_WORDS, MONEY_OUT_WORDS } from "./knowledge/flow-words";
import type { Direction } from "./knowledge/keyword-rule";
import { flowOf } from "./mirror-direction";
import { PhraseMatcher } from "./phrase-matcher";

const words = new PhraseMatcher<Direction>();
for (const w of MONEY_IN_WORDS) words.add(w, "in");
for (const w of MONEY_OUT_WORDS) words.add(w, "out");

/** The amount's sign decides; without an amount, the words may ("transfer from savings"), if they agree. */
export function inferFlow(amount: string | null, tokens: readonly string[]): Direction | null {
  const fromAmount = flowOf(amount);
  if (fromAmount || amount !== null) return fromAmount;
  const seen = new Set(words.find(tokens).map((m) => m.value));
  return seen.size === 1 ? [...seen][0]! : null;
}
