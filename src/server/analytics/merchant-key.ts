/**
 * Which charges belong to the same merchant. The merchant key set by sync or import wins; a row
 * without one falls back to its description with digits, punctuation and spacing stripped, so
 * "NETFLIX.COM 8473" and "Netflix.com 1192" are one merchant. Postgres computes that once per
 * row, on write, into the generated column `merchant_group` (prisma/schema.prisma): run per row at
 * read time, the regular expression was most of the time of grouping a year of a large history.
 */
import { Prisma } from "~/server/db/generated/client";

export const merchantKeySql = Prisma.sql`t.merchant_group`;

/** What a person calls the merchant. */
export const merchantNameSql = Prisma.sql`COALESCE(t.merchant_name, t.description)`;
