/**
 * The trained classifier shipped in model/offline-model.json (written by
 * scripts/train-categorizer.ts), loaded once per process on first use. Never touches the network.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
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

// From the project root, not `import.meta.url`: in the web bundle (imports categorize at insert)
// Turbopack rewrites that URL into an object fileURLToPath rejects. The standalone build copies the
// file through next.config's outputFileTracingIncludes; the worker, scripts and tests run from the root.
export const OFFLINE_MODEL_PATH = path.resolve(
  /*turbopackIgnore: true*/ process.cwd(),
  "src/server/categorize/model/offline-model.json",
);

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
