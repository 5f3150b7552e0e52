/**
 * The daily insights of one user: spending spikes against their own baseline, subscription price
 * rises, savings opportunities, upcoming bills, a low balance before payday, unusual charges.
 * Stored once each (the dedupe key names the event); the new high-priority ones are handed to
 * `notify`.
 */
import type { Db } from "~/server/db";
import { detectAnomalies } from "./anomalies";
import { detectRecurring } from "./detect-recurring";
import { forecastCashFlow } from "./forecast";
import { type StoredInsight, saveInsights } from "./insight-store";
import {
  type InsightCandidate,
  lowBalance,
  priceRises,
  savingsOpportunities,
  spendingSpikes,
  subscriptionTotals,
  unusualCharges,
  upcomingBills,
} from "./insight-rules";
import { monthsBack } from "./month-range";
import { spendingByCategoryByMonth } from "./spending-trends";
import { userContext } from "./user-context";

export async function findInsights(db: Db, userId: string, now = new Date()): Promise<InsightCandidate[]> {
  const ctx = await userContext(db, userId, now);
  const [months, recurring, forecast, anomalies] = await Promise.all([
    spendingByCategoryByMonth(db, userId, monthsBack(ctx.today, 10)),
    detectRecurring(db, userId, { today: ctx.today }),
    forecastCashFlow(db, userId, { days: 30 }, now),
    detectAnomalies(db, userId, { days: 30 }, now),
  ]);
  return [
    ...lowBalance(forecast.beforeNextSalary, ctx),
    ...spendingSpikes(months, ctx),
    ...priceRises(recurring, ctx),
    ...unusualCharges(anomalies, ctx),
    ...upcomingBills(recurring, ctx),
    ...savingsOpportunities(months, ctx),
    ...subscriptionTotals(recurring, ctx),
  ];
}

export async function refreshInsights(
  db: Db,
  userId: string,
  options: { now?: Date; notify?: (insight: StoredInsight) => Promise<void> } = {},
): Promise<{ found: number; created: StoredInsight[] }> {
  const candidates = await findInsights(db, userId, options.now);
  const created = await saveInsights(db, userId, candidates);
  for (const insight of created.filter((i) => i.priority === "HIGH")) await options.notify?.(insight);
  return { found: candidates.length, created };
}
