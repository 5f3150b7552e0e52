import type { CategorySource } from "~/server/db/generated/enums";
import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "./taxonomy";

/** One answer to "what is this?": the PFC primary, the detailed slug when known, how sure, and who said so. */
export type CategoryVerdict = { primary: string; detailed: string | null; confidence: number; source: CategorySource };

const PRIMARY = new Set<string>(PRIMARY_CATEGORIES.map((c) => c.slug));
const DETAILED_TO_PRIMARY = new Map<string, string>(DETAILED_CATEGORIES.map((c) => [c.slug, c.primary]));

/** A taxonomy slug split into primary and detailed; null for anything not in the taxonomy. */
export function resolveSlug(slug: string): { primary: string; detailed: string | null } | null {
  if (PRIMARY.has(slug)) return { primary: slug, detailed: null };
  const primary = DETAILED_TO_PRIMARY.get(slug);
  return primary ? { primary, detailed: slug } : null;
}

/**
 * Plaid's confidence levels as probabilities, for the bank's own category
 * (https://plaid.com/docs/api/products/transactions/#transactions-sync-response-added-personal-finance-category-confidence-level).
 */
export function providerConfidence(level: string | null | undefined): number {
  return ({ VERY_HIGH: 0.95, HIGH: 0.85, MEDIUM: 0.6, LOW: 0.4 } as Record<string, number>)[level ?? ""] ?? 0.3;
}
