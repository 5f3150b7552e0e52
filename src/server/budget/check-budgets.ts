/**
 * The budget-check job (incremental, one user) and the daily reconciler (full, everyone):
 * update utilization, then alert once per budget, period and threshold.
 */
import type { Db } from "~/server/db";
import { formatMoney } from "~/lib/format";
import { raiseNotification } from "~/server/notification/raise-notification";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { todayIn } from "~/server/time/calendar";
import { percentUsed, reachedThresholds } from "./budget-math";
import { type LoadedBudget, type PeriodFigures, budgetSelect, recomputeUtilization } from "./recompute-utilization";

export const ACTIVE = "active";

export async function checkBudgets(
  db: Db,
  userId: string,
  options: { fromDay?: string; now?: Date } = {},
): Promise<{ budgets: number; alerts: number }> {
  const now = options.now ?? new Date();
  const budgets = await db.budget.findMany({ where: { userId, status: ACTIVE }, select: budgetSelect });
  let alerts = 0;
  for (const budget of budgets)
    alerts += await checkBudget(db, budget, { mode: "incremental", fromDay: options.fromDay }, now);
  return { budgets: budgets.length, alerts };
}

/** Recomputes every active budget from its start and raises any alert a lost job missed. */
export async function reconcileBudgets(db: Db, now = new Date()): Promise<{ budgets: number; alerts: number }> {
  const budgets = await db.budget.findMany({
    where: { status: ACTIVE },
    select: budgetSelect,
    orderBy: { userId: "asc" },
  });
  let alerts = 0;
  for (const budget of budgets) alerts += await checkBudget(db, budget, { mode: "full" }, now);
  return { budgets: budgets.length, alerts };
}

/** One budget: utilization brought up to date, then its alerts. Returns how many alerts were new. */
export async function checkBudget(
  db: Db,
  budget: LoadedBudget,
  mode: Parameters<typeof recomputeUtilization>[2],
  now = new Date(),
): Promise<number> {
  const current = await recomputeUtilization(db, budget, mode, now);
  return raiseBudgetAlerts(db, budget, current, now);
}

/**
 * Thresholds passed in the running period. When one check passes several at once (a big purchase
 * takes a budget from 50 % to 130 %), all are recorded, but only the highest is sent.
 */
async function raiseBudgetAlerts(db: Db, budget: LoadedBudget, current: PeriodFigures | null, now: Date) {
  if (!current || todayIn(budget.user.timezone, now) > current.end) return 0;
  const available = toMinorUnits(budget.amount) + current.rollover;
  const reached = reachedThresholds(
    [...budget.alertThresholds].sort((a, b) => a - b),
    current.spent,
    available,
  );
  let raised = 0;
  for (const threshold of reached) {
    const ids = await raiseNotification(db, {
      userId: budget.userId,
      type: "budget_threshold",
      dedupeKey: `budget:${budget.id}:${current.start}:${threshold}`,
      title: threshold >= 100 ? `Budget exceeded: ${budget.name}` : `Budget at ${threshold} %: ${budget.name}`,
      message: budgetAlertText(budget, current, available),
      data: { budgetId: budget.id, periodStart: current.start, threshold },
      deliverExternally: threshold === reached.at(-1),
    });
    if (ids.length > 0) raised++;
  }
  return raised;
}

function budgetAlertText(budget: LoadedBudget, current: PeriodFigures, available: bigint): string {
  const money = (units: bigint) => formatMoney(fromMinorUnits(units), budget.currency, budget.user.locale);
  const percent = percentUsed(current.spent, available);
  const left = available - current.spent;
  const balance = left >= 0n ? `${money(left)} left` : `${money(-left)} over`;
  return `${money(current.spent)} of ${money(available)} spent${percent === null ? "" : ` (${percent} %)`} from ${current.start} to ${current.end}; ${balance}.`;
}
