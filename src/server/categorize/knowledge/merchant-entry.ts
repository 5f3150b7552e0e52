import type { DetailedSlug } from "../taxonomy";

/** A well-known merchant: the name people call it, what it sells, and how statements spell it. */
export type MerchantEntry = { name: string; category: DetailedSlug; aliases: readonly string[] };

/** A merchant written as its name alone, or as [name, ...other spellings]. */
type Written = string | readonly [string, ...string[]];

/**
 * Merchant lists are written grouped by category, one merchant per item, so a reviewer can read
 * them as a table. The name is also an alias, unless it starts with "~": a name that is an
 * everyday word or a first name ("Paul", "Plus") must only match through its longer spellings.
 */
export function merchants(groups: Partial<Record<DetailedSlug, readonly Written[]>>): MerchantEntry[] {
  return Object.entries(groups).flatMap(([category, items]) =>
    (items ?? []).map((item) => {
      const [written, ...aliases] = typeof item === "string" ? [item] : item;
      const nameOnly = written.startsWith("~");
      const name = nameOnly ? written.slice(1) : written;
      return { name, category: category as DetailedSlug, aliases: nameOnly ? aliases : [name, ...aliases] };
    }),
  );
}
