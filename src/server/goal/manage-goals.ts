import type { z } from "zod";
import type { Db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { fromCalendarDate, todayIn } from "~/server/time/calendar";
import type { contributeInput, createGoalInput, setGoalStatusInput, updateGoalInput } from "./goal-schemas";
import { refreshGoals, sumContributions } from "./refresh-goals";

async function resolveCurrency(db: Db, userId: string, input: z.output<typeof createGoalInput>): Promise<string> {
  if (input.trackedAccountId) {
    const account = await db.bankAccount.findFirst({
      where: { id: input.trackedAccountId, userId },
      select: { currency: true },
    });
    if (!account) throw notFound("Account");
    if (input.currency && input.currency !== account.currency) {
      throw new AppError("INVALID_INPUT", `The tracked account is in ${account.currency}, not ${input.currency}`);
    }
    return account.currency;
  }
  if (input.currency) return input.currency;
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { currency: true } })).currency;
}

function toRow(input: z.output<typeof createGoalInput>, currency: string) {
  return {
    name: input.name,
    targetAmount: input.targetAmount,
    currency,
    targetDate: input.targetDate ? fromCalendarDate(input.targetDate) : null,
    trackedAccountId: input.trackedAccountId ?? null,
  };
}

export async function createGoal(db: Db, userId: string, input: z.output<typeof createGoalInput>) {
  const currency = await resolveCurrency(db, userId, input);
  const { id } = await db.savingsGoal.create({ data: { userId, ...toRow(input, currency) }, select: { id: true } });
  await refreshGoals(db, userId, id);
  return { id };
}

export async function updateGoal(db: Db, userId: string, input: z.output<typeof updateGoalInput>) {
  const existing = await db.savingsGoal.findFirst({
    where: { id: input.id, userId },
    select: { trackedAccountId: true },
  });
  if (!existing) throw notFound("Goal");
  const currency = await resolveCurrency(db, userId, input);
  await db.$transaction(async (tx) => {
    await tx.savingsGoal.update({ where: { id: input.id }, data: toRow(input, currency) });
    // Switching from a tracked account back to contributions: the amount is theirs again.
    if (existing.trackedAccountId && !input.trackedAccountId) await sumContributions(tx, input.id);
  });
  await refreshGoals(db, userId, input.id);
  return { id: input.id };
}

export async function setGoalStatus(db: Db, userId: string, input: z.output<typeof setGoalStatusInput>) {
  const { count } = await db.savingsGoal.updateMany({
    where: { id: input.id, userId },
    data: { status: input.status, achievedAt: null },
  });
  if (count === 0) throw notFound("Goal");
  if (input.status === "ACTIVE") await refreshGoals(db, userId, input.id);
  return { id: input.id };
}

export async function deleteGoal(db: Db, userId: string, id: string) {
  const { count } = await db.savingsGoal.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("Goal");
  return { id };
}

export async function addContribution(db: Db, userId: string, input: z.output<typeof contributeInput>) {
  const goal = await db.savingsGoal.findFirst({
    where: { id: input.goalId, userId },
    select: { trackedAccountId: true, user: { select: { timezone: true } } },
  });
  if (!goal) throw notFound("Goal");
  if (goal.trackedAccountId) {
    throw new AppError("INVALID_INPUT", "This goal follows an account balance; add money to the account instead");
  }
  const date = input.date ?? todayIn(goal.user.timezone);
  const contribution = await db.$transaction(async (tx) => {
    const created = await tx.goalContribution.create({
      data: { goalId: input.goalId, amount: input.amount, date: fromCalendarDate(date), note: input.note || null },
      select: { id: true },
    });
    await sumContributions(tx, input.goalId);
    return created;
  });
  await refreshGoals(db, userId, input.goalId);
  return contribution;
}

export async function deleteContribution(db: Db, userId: string, contributionId: string) {
  const contribution = await db.goalContribution.findFirst({
    where: { id: contributionId, goal: { userId } },
    select: { goalId: true },
  });
  if (!contribution) throw notFound("Contribution");
  await db.$transaction(async (tx) => {
    await tx.goalContribution.delete({ where: { id: contributionId } });
    await sumContributions(tx, contribution.goalId);
  });
  await refreshGoals(db, userId, contribution.goalId);
  return { id: contributionId };
}
