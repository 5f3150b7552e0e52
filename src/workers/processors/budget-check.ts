import { checkBudgets } from "~/server/budget/check-budgets";
import { db } from "~/server/db";
import { refreshGoals } from "~/server/goal/refresh-goals";
import type { JobPayload } from "~/server/queue/queues";

/** After transactions arrived or changed: budgets from the earliest affected day, and goals that follow account balances. */
export async function process(data: JobPayload<"budget-check">) {
  const budgets = await checkBudgets(db, data.userId, { fromDay: data.day });
  const goals = await refreshGoals(db, data.userId);
  return { ...budgets, goalsAchieved: goals.achieved };
}
