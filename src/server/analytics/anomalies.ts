/**
 * Unusual spending in the recent window, judged against the user's own past year with robust
 * statistics (median and MAD, never mean and standard deviation): a charge far above the usual
 * at that merchant, or in that category when the merchant is too new to judge; a first charge at
 * a new merchant that is large for this user; the same charge twice within a day. Each is
 * explained in words. Amounts and "usual" figures are exact (percentile_disc picks real charges).
 *
 * A split transaction: a merchant charges the whole amount, so the per-merchant figures, the
 * user's overall figures and duplicate charges are about whole charges; a category's figures are
 * about what was spent in it, so they count a split's parts under their own categories (category
 * lines), and a recent split charge is judged against a category part by part.
 */
import { z } from "zod";
import { formatMoney } from "~/lib/format";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { categoryLinesSql } from "~/server/transaction/category-lines";
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
         AND ${baselineDatesSql(window)}
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

const baselineDatesSql = (window: { from: string; to: string }) =>
  Prisma.sql`t.transaction_date BETWEEN ${fromCalendarDate(addDays(window.from, -BASELINE_DAYS))}::date
                                    AND ${fromCalendarDate(window.to)}::date`;

/**
 * The same charges as category lines (`lines`, split into `cbase` and `crecent`): a split
 * transaction's spending parts instead of it. Only the parts are read from category lines — the
 * charges that are not split are `spend`'s rows again, so the year is read once, not twice.
 */
function linesCte(ctx: UserContext, window: { from: string; to: string }) {
  return Prisma.sql`
    parts AS (
      SELECT t.id, t.transaction_date, -t.amount AS amt, t.currency, ${effectiveCategorySql} AS category,
             (t.amount < 0 AND ${isSpendingSql}) AS spending
        FROM ${categoryLinesSql(ctx.userId)} t
       WHERE t.split_id IS NOT NULL AND ${baselineDatesSql(window)}
    ),
    lines AS (
      SELECT id, transaction_date, amt, currency, category FROM spend WHERE id NOT IN (SELECT id FROM parts)
      UNION ALL
      SELECT id, transaction_date, amt, currency, category FROM parts WHERE spending
    ),
    cbase AS (SELECT * FROM lines WHERE transaction_date < ${fromCalendarDate(window.from)}::date),
    crecent AS (SELECT * FROM lines WHERE transaction_date >= ${fromCalendarDate(window.from)}::date)`;
}

type OutlierRow = ChargeStats & {
  id: string;
  date: string;
  currency: string;
  name: string;
  category: string;
  /** The category line judged against its category: a split charge's part, or the charge itself. */
  partCategory: string;
};

/**
 * Median (`<stats>.med`) and MAD (`<mad>.mad`) of the baseline charges per group, as two CTEs:
 * the MAD needs the median first. Exact: percentile_disc picks real amounts. Only groups with a
 * recent charge are judged, so only theirs are sorted.
 */
function robustStats(
  names: { stats: string; mad: string },
  key: "mkey" | "category",
  rows: { base: string; recent: string },
) {
  const group = Prisma.raw(key);
  const [stats, mad, base, recent] = [names.stats, names.mad, rows.base, rows.recent].map((name) => Prisma.raw(name));
  return Prisma.sql`
    ${stats} AS (
      SELECT ${group}, currency, COUNT(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY amt) AS med
        FROM ${base} WHERE (${group}, currency) IN (SELECT ${group}, currency FROM ${recent}) GROUP BY 1, 2
    ),
    ${mad} AS (
      SELECT b.${group}, b.currency, percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(b.amt - s.med)) AS mad
        FROM ${base} b JOIN ${stats} s USING (${group}, currency) GROUP BY 1, 2
    )`;
}

async function findOutliers(db: Db, ctx: UserContext, window: { from: string; to: string }): Promise<Anomaly[]> {
  // One row per recent category line: a split charge comes once per spending part.
  const rows = await db.$queryRaw<OutlierRow[]>`
    WITH ${spendCte(ctx, window)},
    ${linesCte(ctx, window)},
    ${robustStats({ stats: "mstats", mad: "mmad" }, "mkey", { base: "base", recent: "recent" })},
    ${robustStats({ stats: "cstats", mad: "cmad" }, "category", { base: "cbase", recent: "crecent" })}
    SELECT r.id::text, r.transaction_date::text AS date, r.amt::text AS amount, r.currency, r.name, r.category,
           l.amt::text AS "partAmount", l.category AS "partCategory",
           ms.n AS "mN", ms.med::text AS "mMed", mm.mad::text AS "mMad",
           cs.n AS "cN", cs.med::text AS "cMed", cm.mad::text AS "cMad",
           o.n AS "oN", o.med::text AS "oMed", o.p90::text AS "oP90"
      FROM recent r
      JOIN crecent l ON l.id = r.id
 LEFT JOIN mstats ms ON ms.mkey = r.mkey AND ms.currency = r.currency
 LEFT JOIN mmad mm ON mm.mkey = r.mkey AND mm.currency = r.currency
 LEFT JOIN cstats cs ON cs.category = l.category AND cs.currency = l.currency
 LEFT JOIN cmad cm ON cm.category = l.category AND cm.currency = l.currency
 LEFT JOIN overall o ON o.currency = r.currency`;

  // A split charge's parts may each be unusual for their category: the charge is named once, for its most unusual.
  const byCharge = new Map<string, Anomaly>();
  for (const row of rows) {
    const verdict = judgeCharge(row);
    const seen = byCharge.get(row.id);
    if (verdict && (!seen || verdict.ratio > (seen.ratio ?? 0)))
      byCharge.set(row.id, toAnomaly(row, verdict, ctx.locale));
  }
  return [...byCharge.values()];
}

function toAnomaly(row: OutlierRow, verdict: OutlierVerdict, locale: string): Anomaly {
  const money = (amount: string) => formatMoney(amount, row.currency, locale);
  const usual = exactAmount(verdict.usual);
  const times = `${verdict.ratio.toFixed(1)}×`;
  // Judged for its category, a split charge is its part in that category.
  const byCategory = verdict.kind === "unusual_for_category";
  const category = byCategory ? row.partCategory : row.category;
  const amount = byCategory && row.partAmount ? row.partAmount : row.amount;
  const explanation =
    verdict.kind === "unusual_for_merchant"
      ? `${times} your usual at ${row.name} (usually ${money(usual)})`
      : verdict.kind === "unusual_for_category"
        ? `${times} your usual ${categoryLabel(category)} purchase (usually ${money(usual)})`
        : `First charge at ${row.name}, and a large one: ${times} your typical purchase (${money(usual)})`;
  return {
    kind: verdict.kind,
    transactionId: row.id,
    relatedTransactionId: null,
    date: row.date,
    amount: exactAmount(amount),
    currency: row.currency,
    merchant: row.name,
    category,
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
