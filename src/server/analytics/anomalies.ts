/**
 * Unusual spending in the recent window, judged against the user's own past year with robust
 * statistics (median and MAD, never mean and standard deviation): a charge far above the usual
 * at that merchant, or in that category when the merchant is too new to judge; a first charge at
 * a new merchant that is large for this user; the same charge twice within a day. Each is
 * explained in words. Amounts and "usual" figures are exact (percentile_disc picks real charges).
 */
import { z } from "zod";
import { formatMoney } from "~/lib/format";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { effectiveCategorySql, isSpendingSql } from "~/server/transaction/spending";
import { fromCalendarDate } from "~/server/time/calendar";
import { cachedAnalytics } from "./analytics-cache";
import { categoryLabel } from "./category-label";
import { addDays } from "./classify-series";
import { exactAmount } from "./exact-amount";
import { merchantKeySql, merchantNameSql } from "./merchant-key";
import { type ChargeStats, type OutlierVerdict, judgeCharge } from "./judge-charge";
import { type UserContext, userContext } from "./user-context";

export const anomaliesInput = z.object({ days: z.number().int().min(1).max(90).default(30) });
export type AnomaliesInput = z.input<typeof anomaliesInput>;

export type AnomalyKind = "unusual_for_merchant" | "unusual_for_category" | "new_merchant_large" | "duplicate_charge";

export type Anomaly = {
  kind: AnomalyKind;
  transactionId: string;
  /** The earlier of the two, for a duplicate. */
  relatedTransactionId: string | null;
  date: string;
  /** Positive decimal string: how much was spent. */
  amount: string;
  currency: string;
  merchant: string;
  category: string;
  usual: string | null;
  /** How many times the usual amount, one decimal. */
  ratio: number | null;
  explanation: string;
};

const BASELINE_DAYS = 365;

export async function detectAnomalies(db: Db, userId: string, rawInput: AnomaliesInput = {}, now = new Date()) {
  const input = anomaliesInput.parse(rawInput);
  const ctx = await userContext(db, userId, now);
  return cachedAnalytics(userId, "anomalies", { input, today: ctx.today }, async () => {
    const window = { from: addDays(ctx.today, -(input.days - 1)), to: ctx.today };
    const [outliers, duplicates] = await Promise.all([findOutliers(db, ctx, window), findDuplicates(db, ctx, window)]);
    const duplicateIds = new Set(duplicates.map((d) => d.transactionId));
    return [...duplicates, ...outliers.filter((o) => !duplicateIds.has(o.transactionId))].sort(
      (a, b) => b.date.localeCompare(a.date) || a.transactionId.localeCompare(b.transactionId),
    );
  });
}

/** Outgoing spending over the baseline year plus the window, one row per charge. */
function spendCte(ctx: UserContext, window: { from: string; to: string }) {
  return Prisma.sql`
    spend AS (
      SELECT t.id, t.account_id, t.transaction_date, -t.amount AS amt, t.currency,
             ${merchantKeySql} AS mkey, ${merchantNameSql} AS name, ${effectiveCategorySql} AS category
        FROM transactions t
       WHERE t.user_id = ${ctx.userId}::uuid
         AND t.transaction_date BETWEEN ${fromCalendarDate(addDays(window.from, -BASELINE_DAYS))}::date
                                    AND ${fromCalendarDate(window.to)}::date
         AND t.amount < 0
         AND ${isSpendingSql}
    ),
    base AS (SELECT * FROM spend WHERE transaction_date < ${fromCalendarDate(window.from)}::date),
    recent AS (SELECT * FROM spend WHERE transaction_date >= ${fromCalendarDate(window.from)}::date),
    overall AS (
      SELECT currency, COUNT(*)::int AS n,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY amt) AS med,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY amt) AS p90
        FROM base GROUP BY currency
    )`;
}

type OutlierRow = ChargeStats & { id: string; date: string; currency: string; name: string; category: string };

/**
 * Median (`<stats>.med`) and MAD (`<mad>.mad`) of the baseline charges per group, as two CTEs:
 * the MAD needs the median first. Exact: percentile_disc picks real amounts. Only groups with a
 * recent charge are judged, so only theirs are sorted.
 */
function robustStats(stats: string, mad: string, key: "mkey" | "category") {
  const group = Prisma.raw(key);
  return Prisma.sql`
    ${Prisma.raw(stats)} AS (
      SELECT ${group}, currency, COUNT(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY amt) AS med
        FROM base WHERE (${group}, currency) IN (SELECT ${group}, currency FROM recent) GROUP BY 1, 2
    ),
    ${Prisma.raw(mad)} AS (
      SELECT b.${group}, b.currency, percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(b.amt - s.med)) AS mad
        FROM base b JOIN ${Prisma.raw(stats)} s USING (${group}, currency) GROUP BY 1, 2
    )`;
}

async function findOutliers(db: Db, ctx: UserContext, window: { from: string; to: string }): Promise<Anomaly[]> {
  const rows = await db.$queryRaw<OutlierRow[]>`
    WITH ${spendCte(ctx, window)},
    ${robustStats("mstats", "mmad", "mkey")},
    ${robustStats("cstats", "cmad", "category")}
    SELECT r.id::text, r.transaction_date::text AS date, r.amt::text AS amount, r.currency, r.name, r.category,
           ms.n AS "mN", ms.med::text AS "mMed", mm.mad::text AS "mMad",
           cs.n AS "cN", cs.med::text AS "cMed", cm.mad::text AS "cMad",
           o.n AS "oN", o.med::text AS "oMed", o.p90::text AS "oP90"
      FROM recent r
 LEFT JOIN mstats ms USING (mkey, currency)
 LEFT JOIN mmad mm USING (mkey, currency)
 LEFT JOIN cstats cs USING (category, currency)
 LEFT JOIN cmad cm USING (category, currency)
 LEFT JOIN overall o USING (currency)`;

  return rows.flatMap((row) => {
    const verdict = judgeCharge(row);
    return verdict ? [toAnomaly(row, verdict, ctx.locale)] : [];
  });
}

function toAnomaly(row: OutlierRow, verdict: OutlierVerdict, locale: string): Anomaly {
  const money = (amount: string) => formatMoney(amount, row.currency, locale);
  const usual = exactAmount(verdict.usual);
  const times = `${verdict.ratio.toFixed(1)}×`;
  const explanation =
    verdict.kind === "unusual_for_merchant"
      ? `${times} your usual at ${row.name} (usually ${money(usual)})`
      : verdict.kind === "unusual_for_category"
        ? `${times} your usual ${categoryLabel(row.category)} purchase (usually ${money(usual)})`
        : `First charge at ${row.name}, and a large one: ${times} your typical purchase (${money(usual)})`;
  return {
    kind: verdict.kind,
    transactionId: row.id,
    relatedTransactionId: null,
    date: row.date,
    amount: exactAmount(row.amount),
    currency: row.currency,
    merchant: row.name,
    category: row.category,
    usual,
    ratio: Math.round(verdict.ratio * 10) / 10,
    explanation,
  };
}

async function findDuplicates(db: Db, ctx: UserContext, window: { from: string; to: string }): Promise<Anomaly[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      firstId: string;
      date: string;
      firstDate: string;
      amount: string;
      currency: string;
      name: string;
      category: string;
    }[]
  >`
    WITH ${spendCte(ctx, window)},
    -- The window and the day before it: all a recent charge can be a duplicate of.
    near AS (SELECT * FROM spend WHERE transaction_date >= ${fromCalendarDate(addDays(window.from, -1))}::date)
    SELECT b.id::text, a.id::text AS "firstId", b.transaction_date::text AS date, a.transaction_date::text AS "firstDate",
           b.amt::text AS amount, b.currency, b.name, b.category
      FROM recent b
      JOIN near a ON a.mkey = b.mkey AND a.account_id = b.account_id AND a.currency = b.currency AND a.amt = b.amt
                  AND a.transaction_date BETWEEN b.transaction_date - 1 AND b.transaction_date
                  AND (a.transaction_date, a.id) < (b.transaction_date, b.id)
 LEFT JOIN overall o ON o.currency = b.currency
     -- Two coffees at the same price are a habit, not a mistake: only charges above the user's median count.
     WHERE b.amt >= COALESCE(o.med, 0)`;
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    const money = formatMoney(exactAmount(row.amount), row.currency, ctx.locale);
    const when = row.firstDate === row.date ? `twice on ${row.date}` : `on ${row.firstDate} and ${row.date}`;
    return [
      {
        kind: "duplicate_charge" as const,
        transactionId: row.id,
        relatedTransactionId: row.firstId,
        date: row.date,
        amount: exactAmount(row.amount),
        currency: row.currency,
        merchant: row.name,
        category: row.category,
        usual: null,
        ratio: null,
        explanation: `Possible duplicate: ${money} at ${row.name} charged ${when}`,
      },
    ];
  });
}
