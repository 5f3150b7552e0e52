/**
 * Which charges belong to the same merchant. The merchant key set by sync or import wins; a row
 * without one falls back to its description with digits, punctuation and spacing stripped, so
 * "NETFLIX.COM 8473" and "Netflix.com 1192" are one merchant.
 */
import { Prisma } from "~/server/db/generated/client";

export const merchantKeySql = Prisma.sql`COALESCE(
  t.merchant_key,
  NULLIF(btrim(regexp_replace(lower(t.description), '[^a-z]+', ' ', 'g')), ''),
  'unknown'
)`;

/** What a person calls the merchant. */
export const merchantNameSql = Prisma.sql`COALESCE(t.merchant_name, t.description)`;
