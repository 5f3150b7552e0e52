/**
 * Trains the offline categorizer and writes src/server/categorize/model/offline-model.json.
 *
 *   npm run train:categorizer            (-- --seed N: another synthetic sample, for measuring noise)
 *
 * Training data (origin in data/categorizer-training/README.md): synthetic bank descriptions
 * generated from the hand-written merchant and keyword knowledge and from OpenStreetMap's chain
 * brands (osm-brands.json), Plaid's category descriptions and the transactions in Plaid's API
 * examples; the class prior from base-rates.json. Never the evaluation set (dev-labeled.csv).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { tokenize } from "~/server/categorize/normalize-text";
import { type Example, fitTemperature, toScoringModel, trainNaiveBayes } from "~/server/categorize/naive-bayes";
import { extractFeatures } from "~/server/categorize/offline-features";
import { OFFLINE_MODEL_PATH } from "~/server/categorize/offline-model";
import type { LabeledText } from "./categorizer/labeled-text";
import { plaidApiExamples, plaidDescriptionExamples } from "./categorizer/plaid-sources";
import {
  Synthesizer,
  basePrior,
  loadBaseRates,
  loadBrands,
  loadNames,
  seededRng,
} from "./categorizer/synthesize-examples";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const SHARED = path.resolve(REPO_ROOT, "../shared");
const DATA = path.join(REPO_ROOT, "data/categorizer-training");
const SEED = 20_240_601;
/** `-- --seed N` draws another synthetic sample: how much a change moves the figures by chance alone. */
const seedArgument = process.argv.indexOf("--seed");
const seed = seedArgument >= 0 ? Number(process.argv[seedArgument + 1]) : SEED;

function repeat<T>(items: T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}

function gatherTexts(): LabeledText[] {
  const synth = new Synthesizer(seededRng(seed), loadNames(DATA));
  return [
    ...synth.merchantExamples(6),
    ...synth.brandExamples(loadBrands(DATA), 2),
    ...synth.ruleExamples(3, 30),
    ...synth.personTransfers(400),
    ...synth.unknownMerchantExamples(4000, loadBaseRates(DATA)),
    ...repeat(plaidDescriptionExamples(SHARED), 3),
    ...repeat(plaidApiExamples(SHARED), 5),
  ];
}

function toExample(t: LabeledText): Example {
  return { features: extractFeatures(tokenize(t.text)), label: t.label, flow: t.flow };
}

function main() {
  const texts = gatherTexts();
  const split = seededRng(seed + 1);
  const examples = texts.map(toExample);
  const heldOutMask = examples.map(() => split() < 0.1);
  const training = examples.filter((_, i) => !heldOutMask[i]);
  const heldOut = examples.filter((_, i) => heldOutMask[i]);

  const prior = basePrior(loadBaseRates(DATA), [...new Set(examples.map((e) => e.label))]);
  const trial = toScoringModel(trainNaiveBayes(training, { prior }));
  const temperature = fitTemperature(trial, heldOut);
  const model = { ...trainNaiveBayes(examples, { prior }), temperature };
  const json = JSON.stringify(model);
  writeFileSync(OFFLINE_MODEL_PATH, `${json}\n`);

  const bySource = new Map<string, number>();
  for (const t of texts) bySource.set(t.source, (bySource.get(t.source) ?? 0) + 1);
  console.log(`examples: ${texts.length} (${[...bySource].map(([s, n]) => `${s} ${n}`).join(", ")})`);
  console.log(`classes: ${model.classes.length}, features: ${Object.keys(model.features).length}`);
  console.log(`temperature (fitted on ${heldOut.length} held-out synthetic examples): ${temperature}`);
  console.log(`wrote ${path.relative(REPO_ROOT, OFFLINE_MODEL_PATH)} (${(json.length / 1_048_576).toFixed(2)} MB)`);
}

main();
