/**
 * The curated knowledge applied to one description: every known merchant and keyword phrase
 * found in it competes, phrases inside a longer match drop out ("home depot" hides "depot"), and
 * the strongest, then longest, wins. Rules written for one direction only apply to it; an
 * unknown direction counts as money out, as most transactions are.
 */
import { type Direction, type KeywordRule, STRENGTH_RANK, type Strength } from "./knowledge/keyword-rule";
import { EVERYDAY_RULES } from "./knowledge/keywords-everyday";
import { MONEY_MOVEMENT_RULES } from "./knowledge/keywords-money-movement";
import { PURPOSE_RULES } from "./knowledge/keywords-purpose";
import type { MerchantEntry } from "./knowledge/merchant-entry";
import { findKnownMerchants } from "./known-merchants";
import { mirrorForDirection } from "./mirror-direction";
import { PhraseMatcher, outermost } from "./phrase-matcher";
import { type DetailedSlug, primaryOf } from "./taxonomy";

export const KEYWORD_RULES: readonly KeywordRule[] = [...MONEY_MOVEMENT_RULES, ...PURPOSE_RULES, ...EVERYDAY_RULES];
const whenMatcher = new PhraseMatcher<number>();
const andMatcher = new PhraseMatcher<number>();
KEYWORD_RULES.forEach((rule, index) => {
  for (const phrase of rule.when) whenMatcher.add(phrase, index);
  for (const phrase of rule.and ?? []) andMatcher.add(phrase, index);
});

export type KnowledgeVerdict = {
  category: DetailedSlug;
  strength: Strength;
  merchant: MerchantEntry | null;
  /** Another match of the same strength pointed at a different primary category. */
  contested: boolean;
};

type Candidate = {
  category: DetailedSlug;
  strength: Strength;
  merchant: MerchantEntry | null;
  start: number;
  end: number;
  length: number;
  order: number;
};

const HAS_LETTER = /[a-z]/;

/** Nothing but the match has letters: the rest are amounts, dates, references. */
const isAlone = (tokens: readonly string[], m: { start: number; end: number }) =>
  tokens.every((t, i) => (i >= m.start && i < m.end) || !HAS_LETTER.test(t));

function candidatesIn(tokens: readonly string[], flow: Direction | null): Candidate[] {
  const ruleFlow = flow ?? "out";
  const candidates: Candidate[] = findKnownMerchants(tokens).map((m) => ({
    category: m.value.category,
    strength: "merchant",
    merchant: m.value,
    start: m.start,
    end: m.end,
    length: m.length,
    order: -1,
  }));
  const withPartner = new Set(andMatcher.find(tokens).map((m) => m.value));
  for (const m of whenMatcher.find(tokens)) {
    const rule = KEYWORD_RULES[m.value]!;
    if (rule.direction && rule.direction !== ruleFlow) continue;
    if (rule.and && !withPartner.has(m.value)) continue;
    if (rule.alone && !isAlone(tokens, m)) continue;
    candidates.push({ category: rule.then, strength: rule.strength, merchant: null, ...m, order: m.value });
  }
  return candidates;
}

function beats(a: Candidate, b: Candidate): boolean {
  const rank = STRENGTH_RANK[a.strength] - STRENGTH_RANK[b.strength];
  if (rank !== 0) return rank > 0;
  if (a.length !== b.length) return a.length > b.length;
  return a.order < b.order;
}

const SPECIFIC_TRANSFERS = new Set<DetailedSlug>([
  "TRANSFER_OUT_SAVINGS",
  "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS",
]);

/**
 * An "online transfer" to savings, or to a brokerage the knowledge names, is that kind of transfer
 * (LABELING-RULES), not one between current accounts, whichever phrase is longer.
 */
function moreSpecificTransfer(best: Candidate, candidates: readonly Candidate[]): Candidate {
  if (best.category !== "TRANSFER_OUT_ACCOUNT_TRANSFER") return best;
  return candidates.find((c) => SPECIFIC_TRANSFERS.has(c.category)) ?? best;
}

/**
 * What a bank charges for moving money ("OUTGOING WIRE FEE", "Überweisung Entgelt", "CASH
 * WITHDRAWAL FEE") is its fee, not the move itself, however long the phrase naming the move.
 */
function feeForTheMove(best: Candidate, candidates: readonly Candidate[]): Candidate {
  if (primaryOf(best.category) !== "TRANSFER_OUT") return best;
  let fee: Candidate | null = null;
  for (const c of candidates) if (primaryOf(c.category) === "BANK_FEES" && (!fee || beats(c, fee))) fee = c;
  return fee ?? best;
}

export function matchKnowledge(tokens: readonly string[], flow: Direction | null): KnowledgeVerdict | null {
  const candidates = outermost(candidatesIn(tokens, flow));
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || beats(c, best)) best = c;
  if (!best) return null;
  const winner = feeForTheMove(moreSpecificTransfer(best, candidates), candidates);
  const category = mirrorForDirection(winner.category, flow);
  const contested = candidates.some(
    (c) => c.strength === winner.strength && primaryOf(mirrorForDirection(c.category, flow)) !== primaryOf(category),
  );
  return {
    category,
    strength: winner.strength,
    merchant: winner.merchant,
    contested,
  };
}
