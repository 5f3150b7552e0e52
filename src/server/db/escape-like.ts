/**
 * Makes user text match itself inside a LIKE / ILIKE pattern: `%`, `_` and the escape character
 * are wildcards or syntax otherwise. Backslash is Postgres's default LIKE escape, and Prisma's
 * `contains` / `startsWith` pass the text into such a pattern unescaped.
 * https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-LIKE
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
