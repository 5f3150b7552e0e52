import { type Db } from "~/server/db";
import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "~/server/categorize/taxonomy";

export interface SeedResult {
  created: number;
  updated: number;
}

// Any fixed number works; it only has to be the same for every process that seeds.
const SEED_LOCK_KEY = 4_041_977;

/** The system categories (userId null): every PFC v2 primary and detailed slug with its label. */
function systemCategories() {
  return [
    ...PRIMARY_CATEGORIES.map((c) => ({ slug: c.slug, primary: c.slug, label: c.label, description: null })),
    ...DETAILED_CATEGORIES.map((c) => ({
      slug: c.slug,
      primary: c.primary,
      label: c.label,
      description: c.description as string | null,
    })),
  ];
}

/**
 * Inserts missing system categories and refreshes changed labels; safe to run on every start.
 * The unique index on (user_id, slug) does not stop duplicate NULL user ids in Postgres, so two
 * seeders racing are serialized with a transaction-scoped advisory lock instead of an upsert.
 */
export async function seedCategories(db: Db): Promise<SeedResult> {
  const wanted = systemCategories();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    const existing = await tx.category.findMany({
      where: { userId: null },
      select: { id: true, slug: true, primary: true, label: true, description: true },
    });
    const bySlug = new Map(existing.map((c) => [c.slug, c]));
    const missing = wanted.filter((c) => !bySlug.has(c.slug));
    const changed = wanted.filter((c) => {
      const row = bySlug.get(c.slug);
      return row && (row.primary !== c.primary || row.label !== c.label || row.description !== c.description);
    });
    if (missing.length) await tx.category.createMany({ data: missing.map((c) => ({ ...c, userId: null })) });
    for (const c of changed) {
      await tx.category.update({
        where: { id: bySlug.get(c.slug)!.id },
        data: { primary: c.primary, label: c.label, description: c.description },
      });
    }
    return { created: missing.length, updated: changed.length };
  });
}
