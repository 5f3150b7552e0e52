/**
 * The offline categorizer: curated knowledge first (the labeling conventions, well-known
 * merchants, words that say what was bought), the trained model for everything else. Pure and
 * synchronous — no database, no network — so the pipeline can call it as its last resort and the
 * CLI can run it anywhere.
 */
import type { Strength } from "./knowledge/keyword-rule";
import { matchKnowledge } from "./match-knowledge";
import { flowOf, mirrorForDirection } from "./mirror-direction";
import { tokenize } from "./normalize-text";
import { rankWithModel } from "./offline-model";
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
/** The model overrules a bare "transfer" only when it is this sure of a purpose. */
const MODEL_OVER_CHANNEL = 0.8;
/** The model's probabilities come from synthetic data; never claim more than this. */
const MODEL_CEILING = 0.9;

function prediction(detailed: DetailedSlug, confidence: number, basis: OfflinePrediction["basis"]): OfflinePrediction {
  return { primary: primaryOf(detailed), detailed, confidence: Math.round(confidence * 100) / 100, basis };
}

export function predictOffline(input: OfflineInput): OfflinePrediction {
  const tokens = tokenize(input.description);
  if (tokens.length === 0) return prediction("OTHER_OTHER", 0.05, "model");
  const flow = flowOf(input.amount);
  const known = matchKnowledge(tokens, flow);
  if (known && known.strength !== "channel") {
    const confidence = CONFIDENCE[known.strength] - (known.contested ? CONTESTED_PENALTY : 0);
    return prediction(known.category, confidence, known.strength);
  }
  const [best] = rankWithModel(tokens, flow, 1);
  const modelCategory = best && mirrorForDirection(best.category, flow);
  const modelConfidence = Math.min(best?.probability ?? 0, MODEL_CEILING);
  if (known) {
    const purposeful = modelCategory && !modelCategory.startsWith("TRANSFER_");
    return purposeful && modelConfidence >= MODEL_OVER_CHANNEL
      ? prediction(modelCategory, modelConfidence, "model")
      : prediction(known.category, CONFIDENCE.channel, "channel");
  }
  return modelCategory ? prediction(modelCategory, modelConfidence, "model") : prediction("OTHER_OTHER", 0.05, "model");
}
