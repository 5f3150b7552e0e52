import { cachedAnalytics } from "~/server/analytics/analytics-cache";
import type { Db } from "~/server/db";

const MERCHANTS_KEPT = 2000;

/** The merchant names a user has bought from, most frequent first: what a question may name. */
export async function knownMerchants(db: Db, userId: string): Promise<string[]> {
  return cachedAnalytics(userId, "knownMerchants", {}, async () => {
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT t.merchant_name AS name
        FROM transactions t
       WHERE t.user_id = ${userId}::uuid AND t.merchant_name IS NOT NULL
    GROUP BY 1
    ORDER BY COUNT(*) DESC, 1
       LIMIT ${MERCHANTS_KEPT}`;
    return rows.map((r) => r.name);
  });
}
