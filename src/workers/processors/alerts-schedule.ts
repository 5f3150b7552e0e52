import { enqueueScheduledSyncs } from "~/server/bank/enqueue-sync";
import { reconcileBudgets } from "~/server/budget/check-budgets";
import { requeueOverdueHooks } from "~/server/categorize/owed-hooks";
import { reconcileCategorization } from "~/server/categorize/reconcile-categorization";
import { db } from "~/server/db";
import { refreshAllGoals } from "~/server/goal/refresh-goals";
import { raiseDueDigests } from "~/server/notification/digests";
import { redeliverPending } from "~/server/notification/redeliver-pending";
import type { JobPayload } from "~/server/queue/queues";
import { pruneAuditLog } from "~/server/security/audit-retention";

export async function process(data: JobPayload<"alerts-schedule">) {
  switch (data.task) {
    case "reconcile":
      return {
        budgets: await reconcileBudgets(db),
        goals: await refreshAllGoals(db),
        categorization: await reconcileCategorization(db),
        auditLog: await pruneAuditLog(db),
      };
    case "digests":
      return raiseDueDigests(db);
    case "redeliver":
      return redeliverPending(db);
    case "bank-syncs":
      return enqueueScheduledSyncs(db);
    case "owed-hooks":
      return requeueOverdueHooks(db);
    default: {
      const never: never = data.task;
      throw new Error(`unknown task ${String(never)}`);
    }
  }
}
