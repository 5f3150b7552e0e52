/**
 * The categorization pipeline, for a batch of one user's transactions. Each transaction takes
 * the first answer from, in order:
 *   1. the user's history — a merchant they corrected once is that category from then on;
 *   2. the user's rules, in their order;
 *   3. the global merchant cache (learned from confident LLM answers, no personal data);
 *   4. the bank's own category, when it says it is highly confident;
 *   5. the LLM, once per merchant never seen before, many merchants per call;
 *   6. the offline model, which always answers.
 * Only the automatic category is written; the user's own choice (user_category) is never touched.
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

export type CategorizeResult = {
  categorized: number;
  bySource: Record<string, number>;
  llmMerchants: number;
  ids: string[];
  /** Transactions whose merchants the LLM should have answered but did not: the offline model did. */
  llmMissedIds: string[];
};

type Candidate = {
  id: string;
  accountId: string;
  description: string;
  amount: string;
  providerMerchant: string | null;
  providerCategory: { primary?: string; detailed?: string | null; confidenceLevel?: string | null } | null;
  displayName: string;
  key: string;
  tags: string[];
  ruleTags: string[];
  verdict: CategoryVerdict | null;
};

/** The bank's own category, when it says it is at least highly confident. */
function providerVerdict(category: Candidate["providerCategory"]): CategoryVerdict | null {
  const confidence = providerConfidence(category?.confidenceLevel);
  const slug = category && resolveSlug(category.detailed ?? category.primary ?? "");
  return confidence >= 0.85 && slug ? { ...slug, confidence, source: "PROVIDER" } : null;
}

async function loadCandidates(db: Db, userId: string, ids: string[], deps: CategorizeDeps): Promise<Candidate[]> {
  const rows = await db.transaction.findMany({
    where: { userId, id: { in: ids } },
    select: {
      id: true,
      accountId: true,
      description: true,
      amount: true,
      merchantName: true,
      tags: true,
      metadata: true,
    },
  });
  return rows.map((row) => {
    const metadata = (row.metadata ?? {}) as {
      providerCategory?: Candidate["providerCategory"];
      providerMerchant?: string;
    };
    const providerMerchant = metadata.providerMerchant ?? null;
    const clean = deps.cleanMerchant(providerMerchant ?? row.description);
    return {
      id: row.id,
      accountId: row.accountId,
      description: row.description,
      amount: row.amount.toFixed(2),
      providerMerchant,
      providerCategory: metadata.providerCategory ?? null,
      displayName: providerMerchant ?? clean.displayName,
      key: clean.key,
      tags: row.tags,
      ruleTags: [],
      verdict: null,
    };
  });
}

async function applyHistory(db: Db, userId: string, candidates: Candidate[]) {
  const keys = [...new Set(candidates.map((c) => c.key).filter(Boolean))];
  const known = await db.userMerchantCategory.findMany({ where: { userId, merchantKey: { in: keys } } });
  const byKey = new Map(known.map((k) => [k.merchantKey, k]));
  for (const c of candidates) {
    const entry = byKey.get(c.key);
    const slug = entry && resolveSlugOrCustom(entry.category);
    if (!slug) continue;
    c.verdict = { ...slug, confidence: 1, source: "HISTORY" };
    if (entry.displayName) c.displayName = entry.displayName;
  }
}

/** A user's own category slugs are not in the taxonomy; they stand as their own primary. */
function resolveSlugOrCustom(slug: string) {
  return resolveSlug(slug) ?? { primary: slug, detailed: null };
}

function applyUserRules(candidates: Candidate[], rules: Rule[]) {
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

async function askLlm(
  llm: LlmCategorizer,
  pending: Candidate[],
): Promise<{ asked: number; verdicts: Map<string, CategoryVerdict> }> {
  const questions = new Map<string, MerchantQuestion>();
  for (const c of pending) {
    if (c.key && !questions.has(c.key))
      questions.set(c.key, { key: c.key, displayName: c.displayName, example: c.description, amount: c.amount });
  }
  if (questions.size === 0) return { asked: 0, verdicts: new Map() };
  return { asked: questions.size, verdicts: await llm.categorize([...questions.values()]) };
}

export async function categorizeTransactions(
  db: Db,
  userId: string,
  ids: string[],
  deps: CategorizeDeps,
): Promise<CategorizeResult> {
  const candidates = await loadCandidates(db, userId, ids, deps);
  await applyHistory(db, userId, candidates);
  applyUserRules(candidates, await loadRules(db, userId));

  const cached = await lookUpMerchantCache(
    db,
    candidates.filter((c) => !c.verdict).map((c) => c.key),
  );
  for (const c of candidates) c.verdict ??= cached.get(c.key) ?? providerVerdict(c.providerCategory);

  let llmMerchants = 0;
  const llmMissed = new Set<string>();
  if (deps.llm) {
    const pending = candidates.filter((c) => !c.verdict);
    const { asked, verdicts } = await askLlm(deps.llm, pending);
    llmMerchants = asked;
    for (const c of pending) {
      c.verdict = verdicts.get(c.key) ?? null;
      if (!c.verdict) llmMissed.add(c.id);
    }
    await learnFromVerdicts(
      db,
      pending.flatMap((c) => (c.verdict ? [{ key: c.key, displayName: c.displayName, verdict: c.verdict }] : [])),
    );
  }
  for (const c of candidates)
    c.verdict ??= { ...deps.predictOffline({ description: c.description, amount: c.amount }), source: "MODEL" };

  await writeVerdicts(db, userId, candidates, llmMissed);
  const bySource: Record<string, number> = {};
  for (const c of candidates) bySource[c.verdict!.source] = (bySource[c.verdict!.source] ?? 0) + 1;
  return {
    categorized: candidates.length,
    bySource,
    llmMerchants,
    ids: candidates.map((c) => c.id),
    llmMissedIds: [...llmMissed],
  };
}

/**
 * One UPDATE for the whole batch; `llmRetry` marks merchants the LLM should see again once it is
 * back. A row whose verdict is already the one it holds is not rewritten: an update writes a new
 * row version into every index of the table, and a job run twice (or a retry that changes
 * little) would otherwise pay that for nothing.
 */
async function writeVerdicts(db: Db, userId: string, candidates: Candidate[], llmMissed: Set<string>) {
  if (candidates.length === 0) return;
  // One array per column rather than nine parameters per row: building and binding thousands of
  // row fragments cost more than the UPDATE itself. Tags, arrays of their own, travel as JSON.
  const verdicts = candidates.map((c) => c.verdict!);
  const merchantKeys = candidates.map((c) => c.key.slice(0, 255) || null);
  const tags = candidates.map((c) => JSON.stringify([...new Set([...c.tags, ...c.ruleTags])]));
  await db.$executeRaw`
    UPDATE transactions t
       SET merchant_name = v.merchant_name, merchant_key = v.merchant_key, category = v.category,
           category_detailed = v.category_detailed, category_confidence = v.confidence::numeric(3, 2),
           category_source = v.source::"CategorySource",
           tags = ARRAY(SELECT jsonb_array_elements_text(v.tags::jsonb)), updated_at = now(),
           metadata = CASE WHEN v.llm_retry THEN COALESCE(t.metadata, '{}'::jsonb) || '{"llmRetry": true}'::jsonb
                           ELSE t.metadata - 'llmRetry' END
      FROM unnest(${candidates.map((c) => c.id)}::uuid[], ${candidates.map((c) => c.displayName.slice(0, 255))}::text[],
                  ${merchantKeys}::text[], ${verdicts.map((v) => v.primary)}::text[],
                  ${verdicts.map((v) => v.detailed)}::text[], ${verdicts.map((v) => v.confidence.toFixed(2))}::text[],
                  ${verdicts.map((v) => v.source)}::text[], ${tags}::text[],
                  ${candidates.map((c) => llmMissed.has(c.id))}::boolean[])
           AS v(id, merchant_name, merchant_key, category, category_detailed, confidence, source, tags, llm_retry)
     WHERE t.id = v.id AND t.user_id = ${userId}::uuid
       AND (t.merchant_name, t.merchant_key, t.category, t.category_detailed, t.category_confidence,
            t.category_source::text, t.tags, COALESCE(t.metadata ? 'llmRetry', false))
           IS DISTINCT FROM
           (v.merchant_name, v.merchant_key, v.category, v.category_detailed, v.confidence::numeric(3, 2), v.source,
            ARRAY(SELECT jsonb_array_elements_text(v.tags::jsonb)), v.llm_retry)`;
}
