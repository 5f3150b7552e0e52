/** Goals as the goals page and the bot show them: progress, pace and the projected completion date. */
import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate, toCalendarDate, todayIn } from "~/server/time/calendar";
import { paceWindowStart, percentOf, projectCompletion } from "./goal-projection";

const goalSelect = {
  id: true,
  name: true,
  targetAmount: true,
  currentAmount: true,
  currency: true,
  targetDate: true,
  trackedAccountId: true,
  trackedAccount: { select: { id: true, name: true } },
  status: true,
  achievedAt: true,
  createdAt: true,
} as const;

type GoalRow = NonNullable<Awaited<ReturnType<typeof loadGoals>>>[number];

const loadGoals = (db: Db, userId: string, id?: string) =>
  db.savingsGoal.findMany({
    where: { userId, ...(id ? { id } : {}) },
    select: goalSelect,
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
  });

/**
 * What the goal gained over the pace window. A tracked account's balance moves by its
 * transactions, so their net sum over the last 90 days is its pace. A manual goal starts with
 * its first contribution (backdated ones included) or its creation.
 */
async function recentPace(db: Db, userId: string, goal: GoalRow, today: string) {
  if (goal.trackedAccountId) {
    const windowStart = paceWindowStart(today, "0001-01-01");
    const { _sum } = await db.transaction.aggregate({
      where: { userId, accountId: goal.trackedAccountId, transactionDate: { gte: fromCalendarDate(windowStart) } },
      _sum: { amount: true },
    });
    return { windowStart, gained: toMinorUnits(_sum.amount ?? "0") };
  }
  const first = await db.goalContribution.aggregate({ where: { goalId: goal.id }, _min: { date: true } });
  const created = toCalendarDate(goal.createdAt);
  const firstDay = first._min.date ? toCalendarDate(first._min.date) : created;
  const windowStart = paceWindowStart(today, firstDay < created ? firstDay : created);
  const { _sum } = await db.goalContribution.aggregate({
    where: { goalId: goal.id, date: { gte: fromCalendarDate(windowStart) } },
    _sum: { amount: true },
  });
  return { windowStart, gained: toMinorUnits(_sum.amount ?? "0") };
}

async function goalView(db: Db, userId: string, goal: GoalRow, today: string) {
  const current = toMinorUnits(goal.currentAmount);
  const target = toMinorUnits(goal.targetAmount);
  const projectedDate =
    goal.status === "ACTIVE"
      ? projectCompletion({ today, current, target, ...(await recentPace(db, userId, goal, today)) })
      : null;
  const targetDate = goal.targetDate ? toCalendarDate(goal.targetDate) : null;
  return {
    id: goal.id,
    name: goal.name,
    targetAmount: fromMinorUnits(target),
    currentAmount: fromMinorUnits(current),
    remaining: fromMinorUnits(target > current ? target - current : 0n),
    currency: goal.currency,
    targetDate,
    trackedAccount: goal.trackedAccount,
    status: goal.status,
    achievedAt: goal.achievedAt?.toISOString() ?? null,
    percent: percentOf(current, target),
    projectedDate,
    onTrack: projectedDate && targetDate ? projectedDate <= targetDate : null,
  };
}

export type GoalView = Awaited<ReturnType<typeof goalView>>;

export async function listGoals(db: Db, userId: string, now = new Date()): Promise<GoalView[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timezone: true } });
  const today = todayIn(user.timezone, now);
  const goals = await loadGoals(db, userId);
  return Promise.all(goals.map((g) => goalView(db, userId, g, today)));
}

export async function getGoal(db: Db, userId: string, id: string, now = new Date()) {
  const [goal] = await loadGoals(db, userId, id);
  if (!goal) throw notFound("Goal");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timezone: true } });
  const contributions = await db.goalContribution.findMany({
    where: { goalId: id },
    select: { id: true, amount: true, date: true, note: true },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
  return {
    ...(await goalView(db, userId, goal, todayIn(user.timezone, now))),
    contributions: contributions.map((c) => ({
      id: c.id,
      amount: fromMinorUnits(toMinorUnits(c.amount)),
      date: toCalendarDate(c.date),
      note: c.note,
    })),
  };
}
