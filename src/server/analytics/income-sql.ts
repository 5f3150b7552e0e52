import { Prisma } from "~/server/db/generated/client";
import { effectiveCategorySql } from "~/server/transaction/spending";

/** SQL condition over `transactions t`: money earned. Moves between the user's own accounts are not income. */
export const isIncomeSql = Prisma.sql`(t.transfer_peer_id IS NULL AND ${effectiveCategorySql} = 'INCOME')`;
