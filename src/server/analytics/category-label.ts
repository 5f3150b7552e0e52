import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "~/server/categorize/taxonomy";

const LABELS = new Map<string, string>([
  ...PRIMARY_CATEGORIES.map((c) => [c.slug, c.label] as const),
  ...DETAILED_CATEGORIES.map((c) => [c.slug, c.label] as const),
]);

/** "Food & Drink" for FOOD_AND_DRINK; a user's own slug reads as words. */
export function categoryLabel(slug: string): string {
  const known = LABELS.get(slug);
  if (known) return known;
  const words = slug.toLowerCase().replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
