import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";

/** Categories a user may pick: the system taxonomy plus their own. */
export async function listCategories(db: Db, userId: string) {
  return db.category.findMany({
    where: { OR: [{ userId: null }, { userId }] },
    select: { slug: true, primary: true, label: true, userId: true },
    orderBy: [{ primary: "asc" }, { slug: "asc" }],
  });
}

/** Resolves a slug the user picked to its primary and detailed parts, or refuses an unknown one. */
export async function resolveCategory(
  db: Db,
  userId: string,
  slug: string,
): Promise<{ primary: string; detailed: string | null }> {
  const category = await db.category.findFirst({
    where: { slug, OR: [{ userId: null }, { userId }] },
    select: { slug: true, primary: true },
  });
  if (!category) throw new AppError("INVALID_INPUT", `Unknown category: ${slug}`);
  return category.slug === category.primary
    ? { primary: slug, detailed: null }
    : { primary: category.primary, detailed: slug };
}
