/**
 * The categorization pipeline, in memory, for a batch of one user's transactions. Each takes the
 * first answer from, in order:
 *   1. the user's history — a merchant they corrected once is that category from then on;
 *   2. the user's rules, in their order;
 *   3. the global merchant cache (learned from confident LLM answers, no personal data);
 *   4. the bank's own category, when it says it is highly confident;
 *   5. the LLM, once per merchant never seen before, many merchants per call;
 *   6. the offline model, which always answers.
 * What the user knows about the batch's merchants is read in three queries (history and cache by
 * the batch's distinct merchant keys, the rules); everything else is CPU. Nothing here writes a
 * transaction: the categorize worker writes verdicts into existing rows
 * (categorize-transactions.ts), the bank sync and the import put them into the rows' INSERT
 * (categorize-new-transactions.ts). One pipeline, so both paths agree.
 */
import type { Db } from "~/server/db";
import type { CategoryVerdict } from "./category-verdict";
import { providerConfidence, resolveSlug } from "./category-verdict";
import type { LlmCategorizer, MerchantQuestion } from "./llm-categorizer";
import { type Rule, applyRules } from "./match-rules";
import { loadRules } from "./rules";
import { learnFromVerdicts, lookUpMerchantCache } from "./merchant-cache";

export type CategorizeDeps = {
  cleanMerchant: (description: string) => { displayName: string; key: string };
  predictOffline: (input: { description: string; amount: string | null }) => Omit<CategoryVerdict, "source">;
  llm: LlmCategorizer | null;
};

export type ProviderCategory = { primary?: string; detailed?: string | null; confidenceLevel?: string | null };

/** What the pipeline reads of a transaction, stored or about to be. */
export type CategorizeSubject = {
  accountId: string;
  description: string;
  amount: string;
  tags: string[];
  /** The sync keeps the bank's merchant and category in the row's metadata. */
  metadata: unknown;
};

export type Candidate = {
  accountId: string;
  description: string;
  amount: string;
  providerCategory: ProviderCategory | null;
  displayName: string;
  key: string;
  tags: string[];
  ruleTags: string[];
  verdict: CategoryVerdict | null;
  /** The LLM should have answered this merchant but did not: the offline model did, and it is asked again later. */
  llmMissed: boolean;
};

/**
 * What happens to transactions the earlier steps leave unknown, when an LLM is configured:
 * `ask` it now, or `defer` — leave them without a verdict for the categorize queue to ask.
 */
export type LlmStep = "ask" | "defer";

function toCandidate(subject: CategorizeSubject, deps: CategorizeDeps): Candidate {
  const metadata = (subject.metadata ?? {}) as { providerCategory?: ProviderCategory; providerMerchant?: string };
  const providerMerchant = metadata.providerMerchant ?? null;
  const clean = deps.cleanMerchant(providerMerchant ?? subject.description);
  return {
    accountId: subject.accountId,
    description: subject.description,
    amount: subject.amount,
    providerCategory: metadata.providerCategory ?? null,
    displayName: providerMerchant ?? clean.displayName,
    key: clean.key,
    tags: subject.tags,
    ruleTags: [],
    verdict: null,
    llmMissed: false,
  };
}

/**
 * A batch's candidates. Statements repeat descriptions (the daily coffee, the monthly bill), so
 * each distinct one is cleaned once per batch.
 */
export function toCandidates(subjects: readonly CategorizeSubject[], deps: CategorizeDeps): Candidate[] {
  const cleaned = new Map<string, ReturnType<CategorizeDeps["cleanMerchant"]>>();
  const cleanOnce = (description: string) => {
    const known = cleaned.get(description);
    if (known) return known;
    const clean = deps.cleanMerchant(description);
    cleaned.set(description, clean);
    return clean;
  };
  const batchDeps = { ...deps, cleanMerchant: cleanOnce };
  return subjects.map((subject) => toCandidate(subject, batchDeps));
}

/** The bank's own category, when it says it is at least highly confident. */
function providerVerdict(category: ProviderCategory | null): CategoryVerdict | null {
  const confidence = providerConfidence(category?.confidenceLevel);
  const slug = category && resolveSlug(category.detailed ?? category.primary ?? "");
  return confidence >= 0.85 && slug ? { ...slug, confidence, source: "PROVIDER" } : null;
}

/** A user's own category slugs are not in the taxonomy; they stand as their own primary. */
function resolveSlugOrCustom(slug: string) {
  return resolveSlug(slug) ?? { primary: slug, detailed: null };
}

type HistoryEntry = { merchantKey: string; category: string; displayName: string | null };

function applyHistory(candidates: Candidate[], known: HistoryEntry[]) {
  const byKey = new Map(known.map((k) => [k.merchantKey, k]));
  for (const c of candidates) {
    const entry = byKey.get(c.key);
    const slug = entry && resolveSlugOrCustom(entry.category);
    if (!slug) continue;
    c.verdict = { ...slug, confidence: 1, source: "HISTORY" };
    if (entry.displayName) c.displayName = entry.displayName;
  }
}

function applyUserRules(candidates: Candidate[], rules: Rule[]) {
  if (rules.length === 0) return;
  for (const c of candidates) {
    const outcome = applyRules(
      { description: c.description, merchantName: c.displayName, amount: c.amount, accountId: c.accountId },
      rules,
    );
    if (outcome.merchantName) c.displayName = outcome.merchantName;
    c.ruleTags = outcome.tags;
    if (!c.verdict && outcome.category)
      c.verdict = { ...resolveSlugOrCustom(outcome.category.slug), confidence: 1, source: "RULE" };
  }
}

async function askLlm(db: Db, llm: LlmCategorizer, pending: Candidate[]): Promise<number> {
  const questions = new Map<string, MerchantQuestion>();
  for (const c of pending) {
    if (c.key && !questions.has(c.key))
      questions.set(c.key, { key: c.key, displayName: c.displayName, example: c.description, amount: c.amount });
  }
  const verdicts =
    questions.size === 0 ? new Map<string, CategoryVerdict>() : await llm.categorize([...questions.values()]);
  for (const c of pending) {
    c.verdict = verdicts.get(c.key) ?? null;
    c.llmMissed = !c.verdict;
  }
  await learnFromVerdicts(
    db,
    pending.flatMap((c) => (c.verdict ? [{ key: c.key, displayName: c.displayName, verdict: c.verdict }] : [])),
  );
  return questions.size;
}

/**
 * Gives every candidate a verdict — or, with `llmStep: "defer"` and an LLM configured, leaves the
 * ones only the LLM should answer without one. Returns how many merchants the LLM was asked about.
 */
export async function decideCategories(
  db: Db,
  userId: string,
  candidates: Candidate[],
  deps: CategorizeDeps,
  llmStep: LlmStep,
): Promise<{ llmMerchants: number }> {
  if (candidates.length === 0) return { llmMerchants: 0 };
  const keys = [...new Set(candidates.map((c) => c.key).filter(Boolean))];
  const [history, rules] = await Promise.all([
    db.userMerchantCategory.findMany({
      where: { userId, merchantKey: { in: keys } },
      select: { merchantKey: true, category: true, displayName: true },
    }),
    loadRules(db, userId),
  ]);
  applyHistory(candidates, history);
  applyUserRules(candidates, rules);

  const cached = await lookUpMerchantCache(
    db,
    candidates.filter((c) => !c.verdict).map((c) => c.key),
  );
  for (const c of candidates) c.verdict ??= cached.get(c.key) ?? providerVerdict(c.providerCategory);

  let llmMerchants = 0;
  if (deps.llm) {
    if (llmStep === "defer") return { llmMerchants };
    llmMerchants = await askLlm(
      db,
      deps.llm,
      candidates.filter((c) => !c.verdict),
    );
  }
  for (const c of candidates)
    c.verdict ??= { ...deps.predictOffline({ description: c.description, amount: c.amount }), source: "MODEL" };
  return { llmMerchants };
}
