/**
 * The categorize worker's step: reads a batch of one user's stored transactions, decides their
 * categories with the pipeline (decide-categories.ts, the LLM asked for unknown merchants), and
 * writes the verdicts back. Rows from a bank sync or an import were mostly categorized as they
 * were written (categorize-new-transactions.ts); this path serves what needed the LLM, its
 * retries and the daily reconcile. Only the automatic category is written; the user's own choice
 * (user_category) is never touched.
 */
import type { Db } from "~/server/db";
import { type Candidate, type CategorizeDeps, decideCategories, toCandidates } from "./decide-categories";

export type CategorizeResult = {
  categorized: number;
  bySource: Record<string, number>;
  llmMerchants: number;
  ids: string[];
  /** Transactions whose merchants the LLM should have answered but did not: the offline model did. */
  llmMissedIds: string[];
};

type StoredCandidate = Candidate & { id: string };

async function loadCandidates(db: Db, userId: string, ids: string[], deps: CategorizeDeps): Promise<StoredCandidate[]> {
  const rows = await db.transaction.findMany({
    where: { userId, id: { in: ids } },
    select: { id: true, accountId: true, description: true, amount: true, tags: true, metadata: true },
  });
  const candidates = toCandidates(
    rows.map((row) => ({ ...row, amount: row.amount.toFixed(2) })),
    deps,
  );
  return rows.map((row, i) => ({ id: row.id, ...candidates[i]! }));
}

/** Counts verdicts by who decided them, for the job's result and the bench. */
export function countBySource(candidates: Pick<Candidate, "verdict">[]): Record<string, number> {
  const bySource: Record<string, number> = {};
  for (const { verdict } of candidates) if (verdict) bySource[verdict.source] = (bySource[verdict.source] ?? 0) + 1;
  return bySource;
}

export async function categorizeTransactions(
  db: Db,
  userId: string,
  ids: string[],
  deps: CategorizeDeps,
): Promise<CategorizeResult> {
  const candidates = await loadCandidates(db, userId, ids, deps);
  const { llmMerchants } = await decideCategories(db, userId, candidates, deps, "ask");
  await writeVerdicts(db, userId, candidates);
  return {
    categorized: candidates.length,
    bySource: countBySource(candidates),
    llmMerchants,
    ids: candidates.map((c) => c.id),
    llmMissedIds: candidates.filter((c) => c.llmMissed).map((c) => c.id),
  };
}

/**
 * One UPDATE for the whole batch; `llmRetry` marks merchants the LLM should see again once it is
 * back. A row whose verdict is already the one it holds is not rewritten: an update writes a new
 * row version into every index of the table, and a job run twice (or a retry that changes
 * little) would otherwise pay that for nothing.
 */
async function writeVerdicts(db: Db, userId: string, candidates: StoredCandidate[]) {
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
                  ${candidates.map((c) => c.llmMissed)}::boolean[])
           AS v(id, merchant_name, merchant_key, category, category_detailed, confidence, source, tags, llm_retry)
     WHERE t.id = v.id AND t.user_id = ${userId}::uuid
       AND (t.merchant_name, t.merchant_key, t.category, t.category_detailed, t.category_confidence,
            t.category_source::text, t.tags, COALESCE(t.metadata ? 'llmRetry', false))
           IS DISTINCT FROM
           (v.merchant_name, v.merchant_key, v.category, v.category_detailed, v.confidence::numeric(3, 2), v.source,
            ARRAY(SELECT jsonb_array_elements_text(v.tags::jsonb)), v.llm_retry)`;
}
