/**
 * Multinomial naive Bayes over binary text features, small enough to ship as JSON: per feature
 * only the classes it was seen with are stored, as the log-likelihood gain over an unseen feature.
 * The money direction is a separate likelihood so that it counts once, not once per n-gram.
 */
import { z } from "zod";
import type { Direction } from "./knowledge/keyword-rule";

export const naiveBayesModelSchema = z.object({
  version: z.literal(1),
  classes: z.array(z.string()).min(1),
  /** log P(class), one per class. */
  logPrior: z.array(z.number()),
  /** log P(unseen feature | class). */
  logUnseen: z.array(z.number()),
  /** log P(direction | class), one array per direction. */
  logFlow: z.object({ in: z.array(z.number()), out: z.array(z.number()) }),
  /** Divides feature evidence before the softmax; fitted on held-out examples so confidences mean something. */
  temperature: z.number().positive(),
  /** feature → [classIndex, gain, classIndex, gain, …]. */
  features: z.record(z.string(), z.array(z.number())),
  trainedOn: z.record(z.string(), z.number()),
});
export type NaiveBayesModel = z.infer<typeof naiveBayesModelSchema>;

export type Example = { features: readonly string[]; label: string; flow: Direction | null };

type TrainOptions = {
  smoothing?: number;
  minDocuments?: number;
  /**
   * How often each class really occurs (any scale, every class above zero).
   * Given separately because a synthetic training set's class shares say only how many examples
   * were written per class.
   */
  prior: ReadonlyMap<string, number>;
};

/** Counts, prunes rare features, and stores the sparse log-likelihood gains rounded to 2 decimals. */
export function trainNaiveBayes(examples: readonly Example[], options: TrainOptions): NaiveBayesModel {
  const { smoothing = 0.1, minDocuments = 3, prior } = options;
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const documents = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) documents.set(f, (documents.get(f) ?? 0) + 1);
  const vocabulary = [...documents].filter(([, n]) => n >= minDocuments).map(([f]) => f);
  const kept = new Set(vocabulary);

  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(classes.length);
  const perClass = new Float64Array(classes.length);
  const flows = { in: new Float64Array(classes.length), out: new Float64Array(classes.length) };
  for (const e of examples) {
    const c = classIndex.get(e.label)!;
    perClass[c]! += 1;
    if (e.flow) flows[e.flow][c]! += 1;
    for (const f of new Set(e.features)) {
      if (!kept.has(f)) continue;
      let row = counts.get(f);
      if (!row) counts.set(f, (row = new Float64Array(classes.length)));
      row[c]! += 1;
      totals[c]! += 1;
    }
  }

  const denominators = [...totals].map((t) => t + smoothing * vocabulary.length);
  const logUnseen = denominators.map((d) => Math.log(smoothing / d));
  const features: Record<string, number[]> = {};
  for (const [f, row] of counts) {
    const entries: number[] = [];
    row.forEach((n, c) => {
      if (n > 0) entries.push(c, round(Math.log((n + smoothing) / denominators[c]!) - logUnseen[c]!));
    });
    features[f] = entries;
  }
  const weights = classes.map((c) => {
    const weight = prior.get(c) ?? 0;
    if (!(weight > 0)) throw new Error(`the prior gives ${c} no weight`);
    return weight;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const flowLikelihood = (dir: Direction) =>
    classes.map((_, c) => round(Math.log((flows[dir][c]! + 1) / (flows.in[c]! + flows.out[c]! + 2))));
  return {
    version: 1,
    classes,
    logPrior: weights.map((w) => round(Math.log(w / weightSum))),
    logUnseen: logUnseen.map(round),
    logFlow: { in: flowLikelihood("in"), out: flowLikelihood("out") },
    temperature: 1,
    features,
    trainedOn: Object.fromEntries(classes.map((c, i) => [c, perClass[i]!])),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A trained model turned into lookups for scoring. */
export type ScoringModel = {
  classes: readonly string[];
  logPrior: Float64Array;
  logUnseen: Float64Array;
  logFlow: Record<Direction, Float64Array>;
  temperature: number;
  features: Map<string, Float64Array>;
};

export function toScoringModel(model: NaiveBayesModel): ScoringModel {
  return {
    classes: model.classes,
    logPrior: Float64Array.from(model.logPrior),
    logUnseen: Float64Array.from(model.logUnseen),
    logFlow: { in: Float64Array.from(model.logFlow.in), out: Float64Array.from(model.logFlow.out) },
    temperature: model.temperature,
    features: new Map(Object.entries(model.features).map(([f, entries]) => [f, Float64Array.from(entries)])),
  };
}

/** Log-evidence per class from the features alone (before temperature and direction). */
export function featureEvidence(model: ScoringModel, features: readonly string[]): Float64Array {
  const scores = Float64Array.from(model.logPrior);
  let known = 0;
  for (const f of features) {
    const entries = model.features.get(f);
    if (!entries) continue;
    known++;
    for (let i = 0; i < entries.length; i += 2) scores[entries[i]!]! += entries[i + 1]!;
  }
  for (let c = 0; c < scores.length; c++) scores[c]! += known * model.logUnseen[c]!;
  return scores;
}

/** Class probabilities: tempered feature evidence plus the direction's likelihood, normalized. */
export function classProbabilities(
  model: ScoringModel,
  evidence: Float64Array,
  flow: Direction | null,
  temperature = model.temperature,
): Float64Array {
  const logits = evidence.map((s, c) => (s - model.logPrior[c]!) / temperature + model.logPrior[c]!);
  if (flow) for (let c = 0; c < logits.length; c++) logits[c]! += model.logFlow[flow][c]!;
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
  return logits;
}

/**
 * The temperature that makes held-out probabilities honest (lowest log loss): naive Bayes adds up
 * correlated n-gram evidence as if independent, so its raw probabilities are far too sure.
 */
export function fitTemperature(model: ScoringModel, heldOut: readonly Example[]): number {
  const index = new Map(model.classes.map((c, i) => [c, i]));
  const scored = heldOut
    .filter((e) => index.has(e.label))
    .map((e) => ({ evidence: featureEvidence(model, e.features), flow: e.flow, label: index.get(e.label)! }));
  let best = { temperature: 1, loss: Infinity };
  for (const temperature of [1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40]) {
    let loss = 0;
    for (const s of scored)
      loss -= Math.log(Math.max(classProbabilities(model, s.evidence, s.flow, temperature)[s.label]!, 1e-9));
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}
