import type { DetailedSlug } from "../taxonomy";

/**
 * How much a matched phrase settles. `decisive`: the conventions of LABELING-RULES.md that beat
 * any merchant (payroll from a retailer is still salary); `merchant`: a known merchant;
 * `purpose`: words that say what was bought; `hint`: words that lean one way; `channel`: how
 * money moved (a transfer, a P2P app) — only used when nothing says what it paid for.
 */
export type Strength = "decisive" | "merchant" | "purpose" | "hint" | "channel";

export const STRENGTH_RANK: Record<Strength, number> = {
  decisive: 100,
  merchant: 85,
  purpose: 80,
  hint: 70,
  channel: 40,
};

export type Direction = "in" | "out";

export type KeywordRule = {
  /**
   * Any one of these phrases, compared word by word after normalization (case, accents and
   * punctuation do not matter). A single word may start or end with `*` to match part of a word,
   * for compounds such as "Krankenversicherung".
   */
  when: readonly string[];
  /** When given, one of these must appear too. */
  and?: readonly string[];
  then: DetailedSlug;
  /** Only for money in or out; unset = either (the category is mirrored for money in, see mirror-direction). */
  direction?: Direction;
  strength: Exclude<Strength, "merchant">;
  /**
   * Only when the phrase is all the description says, numbers aside: a bare "PAYMENT RECEIVED"
   * is a card statement's payment credit, "PAYMENT RECEIVED ACME CORP" is not.
   */
  alone?: boolean;
};

type Options = { and?: readonly string[]; direction?: Direction; alone?: boolean };

function ruleOf(strength: KeywordRule["strength"]) {
  return (then: DetailedSlug, when: readonly string[], options: Options = {}): KeywordRule => ({
    when,
    then,
    strength,
    ...options,
  });
}

export const decisive = ruleOf("decisive");
export const purpose = ruleOf("purpose");
export const hint = ruleOf("hint");
export const channel = ruleOf("channel");
