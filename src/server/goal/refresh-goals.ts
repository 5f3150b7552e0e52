/**
 * Keeps goals' current amounts true and notices achievement: a tracked goal follows its
 * account's balance, a manual one is the exact sum of its contributions. An ACTIVE goal that
 * reaches its target becomes ACHIEVED, and the user is told once (dedupe key goal-achieved:<id>).
 */
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { formatMoney } from "~/lib/format";
import { raiseNotification } from "~/server/notification/raise-notification";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";

type Tx = Prisma.TransactionClient;

/** Recomputes a manual goal's amount from its contributions, inside the caller's transaction. */
export async function sumContributions(tx: Tx, goalId: string): Promise<string> {
  // Two contributions saved at once: the second waits here and then sums both.
  await tx.$queryRaw`SELECT 1 FROM savings_goals WHERE id = ${goalId}::uuid FOR UPDATE`;
  const { _sum } = await tx.goalContribution.aggregate({ where: { goalId }, _sum: { amount: true } });
  const total = fromMinorUnits(toMinorUnits(_sum.amount ?? "0"));
  await tx.savingsGoal.update({ where: { id: goalId }, data: { currentAmount: total } });
  return total;
}

/** Follows tracked balances, then settles the status of the user's goals (all of them, or one). */
export async function refreshGoals(db: Db, userId: string, goalId?: string): Promise<{ achieved: number }> {
  const tracked = await db.savingsGoal.findMany({
    where: { userId, status: "ACTIVE", trackedAccountId: { not: null }, ...(goalId ? { id: goalId } : {}) },
    select: { id: true, currency: true, trackedAccount: { select: { currentBalance: true, currency: true } } },
  });
  for (const goal of tracked) {
    const account = goal.trackedAccount;
    // A balance in another currency cannot be compared with the target without a rate.
    if (account?.currentBalance == null || account.currency !== goal.currency) continue;
    await db.savingsGoal.update({ where: { id: goal.id }, data: { currentAmount: account.currentBalance } });
  }
  return settleStatuses(db, userId, goalId);
}

async function settleStatuses(db: Db, userId: string, goalId?: string) {
  const goals = await db.savingsGoal.findMany({
    where: { userId, status: { in: ["ACTIVE", "ACHIEVED"] }, ...(goalId ? { id: goalId } : {}) },
    select: {
      id: true,
      name: true,
      status: true,
      currentAmount: true,
      targetAmount: true,
      currency: true,
      user: { select: { locale: true } },
    },
  });
  let achieved = 0;
  for (const goal of goals) {
    const reached = toMinorUnits(goal.currentAmount) >= toMinorUnits(goal.targetAmount);
    if (goal.status === "ACHIEVED" && !reached) {
      // Money taken back out: the goal is open again (its achievement was already announced once).
      await db.savingsGoal.updateMany({
        where: { id: goal.id, status: "ACHIEVED" },
        data: { status: "ACTIVE", achievedAt: null },
      });
      continue;
    }
    if (goal.status !== "ACTIVE" || !reached) continue;
    const { count } = await db.savingsGoal.updateMany({
      where: { id: goal.id, status: "ACTIVE" },
      data: { status: "ACHIEVED", achievedAt: new Date() },
    });
    if (count === 0) continue;
    achieved++;
    await raiseNotification(db, {
      userId,
      type: "goal_achieved",
      dedupeKey: `goal-achieved:${goal.id}`,
      title: `Goal reached: ${goal.name}`,
      message: `You have saved ${formatMoney(goal.currentAmount.toString(), goal.currency, goal.user.locale)} of ${formatMoney(
        goal.targetAmount.toString(),
        goal.currency,
        goal.user.locale,
      )}. Well done!`,
      data: { goalId: goal.id },
    });
  }
  return { achieved };
}

/** For the daily reconciler: every user with a goal still open. */
export async function refreshAllGoals(db: Db): Promise<{ achieved: number }> {
  const owners = await db.savingsGoal.findMany({
    where: { status: { in: ["ACTIVE", "ACHIEVED"] } },
    select: { userId: true },
    distinct: ["userId"],
  });
  let achieved = 0;
  for (const { userId } of owners) achieved += (await refreshGoals(db, userId)).achieved;
  return { achieved };
}
