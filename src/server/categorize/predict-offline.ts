/**
 * The offline categorizer: curated knowledge first (the labeling conventions, well-known
 * merchants, words that say what was bought), the trained model for everything else. Pure and
 * synchronous — no database, no network — so the pipeline can call it as its last resort and the
 * CLI can run it anywhere.
 */
import { inferFlow } from "./infer-flow";
import type { Direction, Strength } from "./knowledge/keyword-rule";
import { type KnowledgeVerdict, matchKnowledge } from "./match-knowledge";
import { mirrorForDirection } from "./mirror-direction";
import { tokenize } from "./normalize-text";
import { scoreWithModel } from "./offline-model";
import { type DetailedSlug, type PrimarySlug, primaryOf } from "./taxonomy";

export type OfflineInput = { description: string; amount: string | null };

export type OfflinePrediction = {
  primary: PrimarySlug;
  detailed: DetailedSlug;
  /** 0..1: how often an answer given this way is right, roughly. */
  confidence: number;
  /** What decided: a curated rule or merchant, or the model. */
  basis: Strength | "model";
};

const CONFIDENCE: Record<Strength, number> = {
  decisive: 0.95,
  merchant: 0.92,
  purpose: 0.85,
  hint: 0.7,
  channel: 0.65,
};
const CONTESTED_PENALTY = 0.2;
/** Knowledge this strong decides on its own; weaker words ("market", "transfer") can be overruled. */
const DECIDES = new Set<Strength>(["decisive", "merchant", "purpose"]);
/** The model overrules a weak word only when it is this sure of something else. */
const MODEL_OVER_WEAK = 0.8;
/** The model's probabilities come from synthetic data; never claim more than this. */
const MODEL_CEILING = 0.9;
/** Money in is income or a transfer far more often than a refund; a refund needs a sure model. */
const REFUND_CERTAINTY = 0.9;
/** Loans are paid out by lenders the knowledge names; the model alone does not say "loan". */
const MONEY_IN_PRIMARIES = new Set<PrimarySlug>(["INCOME", "TRANSFER_IN"]);

function prediction(detailed: DetailedSlug, confidence: number, basis: OfflinePrediction["basis"]): OfflinePrediction {
  return { primary: primaryOf(detailed), detailed, confidence: Math.round(confidence * 100) / 100, basis };
}

function fromKnowledge(known: KnowledgeVerdict): OfflinePrediction {
  const confidence = CONFIDENCE[known.strength] - (known.contested ? CONTESTED_PENALTY : 0);
  return prediction(known.category, confidence, known.strength);
}

const isMoneyIn = (c: DetailedSlug) =>
  MONEY_IN_PRIMARIES.has(primaryOf(c)) || c === "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT";

type PrimaryScore = { category: DetailedSlug; probability: number; childProbability: number };

/**
 * The model's probabilities summed per primary category, best first, each with its likeliest
 * detailed category (after mirroring for the direction).
 */
function byPrimary(tokens: readonly string[], flow: Direction | null): PrimaryScore[] {
  const { classes, probabilities } = scoreWithModel(tokens, flow);
  const groups = new Map<PrimarySlug, PrimaryScore>();
  for (let c = 0; c < classes.length; c++) {
    const p = probabilities[c]!;
    const category = mirrorForDirection(classes[c]!, flow);
    const group = groups.get(primaryOf(category));
    if (!group) groups.set(primaryOf(category), { category, probability: p, childProbability: p });
    else {
      group.probability += p;
      if (p > group.childProbability) Object.assign(group, { category, childProbability: p });
    }
  }
  return [...groups.values()].sort((a, b) => b.probability - a.probability);
}

/**
 * The model's answer. The primary category is chosen on its summed probability — a category split
 * into many detailed children (restaurants, fast food, coffee …) must not lose to one undivided
 * one — and money in stays income or a transfer unless the model is sure of a refund.
 */
function fromModel(tokens: readonly string[], flow: Direction | null): OfflinePrediction | null {
  const primaries = byPrimary(tokens, flow);
  const best = primaries[0];
  if (!best) return null;
  if (flow !== "in" || isMoneyIn(best.category) || best.probability >= REFUND_CERTAINTY) {
    return prediction(best.category, Math.min(best.probability, MODEL_CEILING), "model");
  }
  const inflows = primaries.filter((r) => isMoneyIn(r.category));
  const share = inflows.reduce((sum, r) => sum + r.probability, 0);
  const top = inflows[0];
  return top ? prediction(top.category, Math.min(top.probability / share, 0.6), "model") : null;
}

export function predictOffline(input: OfflineInput): OfflinePrediction {
  const tokens = tokenize(input.description);
  if (tokens.length === 0) return prediction("OTHER_OTHER", 0.05, "model");
  const flow = inferFlow(input.amount, tokens);
  const known = matchKnowledge(tokens, flow);
  if (known && DECIDES.has(known.strength)) return fromKnowledge(known);

  const model = fromModel(tokens, flow);
  if (!known) return model ?? prediction("OTHER_OTHER", 0.05, "model");
  const overrules =
    model &&
    model.confidence >= MODEL_OVER_WEAK &&
    model.primary !== primaryOf(known.category) &&
    // A bare "transfer" loses only to a purpose, never to another kind of transfer.
    !(known.strength === "channel" && model.primary.startsWith("TRANSFER_"));
  return overrules ? model : fromKnowledge(known);
}
