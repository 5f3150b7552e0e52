/**
 * The filters every spending question shares — a period, and optionally a category, a merchant
 * and an account — as one zod schema (tool input, procedure input) and one SQL condition.
 */
import { z } from "zod";
import { escapeLike } from "~/server/db/escape-like";
import { Prisma } from "~/server/db/generated/client";
import { effectiveCategorySql, effectiveDetailedSql } from "~/server/transaction/spending";
import { calendarDate, fromCalendarDate } from "~/server/time/calendar";

export const periodSchema = z
  .strictObject({
    from: calendarDate.describe("First day, inclusive (YYYY-MM-DD)"),
    to: calendarDate.describe("Last day, inclusive (YYYY-MM-DD)"),
  })
  .refine((p) => p.from <= p.to, "from must not be after to");

export type Period = z.infer<typeof periodSchema>;

export const spendingFilterFields = {
  from: calendarDate.describe("First day, inclusive (YYYY-MM-DD)"),
  to: calendarDate.describe("Last day, inclusive (YYYY-MM-DD)"),
  category: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("A category slug, primary (FOOD_AND_DRINK) or detailed (FOOD_AND_DRINK_COFFEE)"),
  merchant: z.string().trim().min(1).max(100).optional().describe("Part of the merchant name or description"),
  accountId: z.uuid().optional().describe("Only this account of the user's"),
};

export const spendingFilters = z
  .strictObject(spendingFilterFields)
  .refine((p) => p.from <= p.to, "from must not be after to");
export type SpendingFilters = z.infer<typeof spendingFilters>;

/** SQL condition over `transactions t` for the filters; the owner is always part of it. */
export function filterSql(userId: string, filters: SpendingFilters): Prisma.Sql {
  const parts = [
    Prisma.sql`t.user_id = ${userId}::uuid`,
    Prisma.sql`t.transaction_date BETWEEN ${fromCalendarDate(filters.from)}::date AND ${fromCalendarDate(filters.to)}::date`,
  ];
  if (filters.category) {
    const slug = filters.category.toUpperCase();
    parts.push(Prisma.sql`(UPPER(${effectiveCategorySql}) = ${slug} OR UPPER(${effectiveDetailedSql}) = ${slug})`);
  }
  if (filters.merchant) {
    const pattern = `%${escapeLike(filters.merchant)}%`;
    parts.push(Prisma.sql`(t.merchant_name ILIKE ${pattern} OR t.description ILIKE ${pattern})`);
  }
  if (filters.accountId) parts.push(Prisma.sql`t.account_id = ${filters.accountId}::uuid`);
  return Prisma.join(parts, " AND ");
}

/** The filters plus how many rows to rank (top merchants, largest expenses). */
export const rankedSpendingFilters = z
  .strictObject({ ...spendingFilterFields, limit: z.number().int().min(1).max(50).default(10) })
  .refine((p) => p.from <= p.to, "from must not be after to");
