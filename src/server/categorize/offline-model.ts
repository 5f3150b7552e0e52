/**
 * The trained classifier shipped in model/offline-model.json (written by
 * scripts/train-categorizer.ts), loaded once per process on first use. Never touches the network.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Direction } from "./knowledge/keyword-rule";
import {
  classProbabilities,
  featureEvidence,
  naiveBayesModelSchema,
  type ScoringModel,
  toScoringModel,
} from "./naive-bayes";
import { extractFeatures } from "./offline-features";
import { type DetailedSlug, isDetailedSlug } from "./taxonomy";

export const OFFLINE_MODEL_PATH = fileURLToPath(new URL("./model/offline-model.json", import.meta.url));

let loaded: ScoringModel | null = null;

export function loadOfflineModel(): ScoringModel {
  if (loaded) return loaded;
  const parsed = naiveBayesModelSchema.parse(JSON.parse(readFileSync(OFFLINE_MODEL_PATH, "utf8")));
  const unknown = parsed.classes.filter((c) => !isDetailedSlug(c));
  if (unknown.length) throw new Error(`offline model names categories outside the taxonomy: ${unknown.join(", ")}`);
  loaded = toScoringModel(parsed);
  return loaded;
}

/** The model's probability for each of its classes, given a tokenized description and its direction. */
export function scoreWithModel(
  tokens: readonly string[],
  flow: Direction | null,
): { classes: readonly DetailedSlug[]; probabilities: Float64Array } {
  const model = loadOfflineModel();
  const probabilities = classProbabilities(model, featureEvidence(model, extractFeatures(tokens)), flow);
  return { classes: model.classes as readonly DetailedSlug[], probabilities };
}
