/**
 * The global merchant cache: merchant key → category, shared by all users because it holds no
 * personal data — only what a merchant is. Filled from confident LLM answers, so a merchant
 * costs at most one LLM call ever. Money moving between people (transfers, P2P, payroll lines
 * that carry names) is never cached: its "merchant" may be a person.
 */
import type { Db } from "~/server/db";
import type { CategoryVerdict } from "./category-verdict";
import { resolveSlug } from "./category-verdict";

const MIN_CONFIDENCE_TO_LEARN = 0.7;
const NEVER_CACHED = new Set(["TRANSFER_IN", "TRANSFER_OUT", "INCOME", "LOAN_DISBURSEMENTS"]);

/**
 * The cached verdicts for `keys`, counting a hit on each one found. One statement reads and counts:
 * a read and then an update of the same rows was two round trips on the path that categorizes
 * every new transaction.
 */
export async function lookUpMerchantCache(db: Db, keys: string[]): Promise<Map<string, CategoryVerdict>> {
  const unique = [...new Set(keys.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; category: string; confidence: string }[]>`
    UPDATE merchant_categories SET hits = hits + 1, updated_at = now()
     WHERE merchant_name = ANY(${unique}::text[])
    RETURNING merchant_name AS key, category, confidence::text`;
  const found = new Map<string, CategoryVerdict>();
  for (const row of rows) {
    const slug = resolveSlug(row.category);
    if (slug) found.set(row.key, { ...slug, confidence: Number(row.confidence), source: "CACHE" });
  }
  return found;
}

export async function learnFromVerdicts(
  db: Db,
  entries: { key: string; displayName: string; verdict: CategoryVerdict }[],
) {
  const learnable = entries.filter(
    (e) =>
      e.key &&
      e.verdict.source === "LLM" &&
      e.verdict.confidence >= MIN_CONFIDENCE_TO_LEARN &&
      !NEVER_CACHED.has(e.verdict.primary),
  );
  const unique = new Map(learnable.map((e) => [e.key, e]));
  await db.merchantCategory.createMany({
    data: [...unique.values()].map((e) => ({
      merchantKey: e.key.slice(0, 255),
      displayName: e.displayName.slice(0, 255),
      category: e.verdict.detailed ?? e.verdict.primary,
      confidence: e.verdict.confidence.toFixed(2),
      source: "LLM" as const,
    })),
    skipDuplicates: true,
  });
}
