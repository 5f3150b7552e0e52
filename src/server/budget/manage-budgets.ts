import type { z } from "zod";
import type { Db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { resolveCategory } from "~/server/transaction/categories";
import { isSpending } from "~/server/transaction/spending";
import { fromCalendarDate } from "~/server/time/calendar";
import { ACTIVE, checkBudget } from "./check-budgets";
import { type createBudgetInput, type updateBudgetInput } from "./budget-schemas";
import { budgetSelect } from "./recompute-utilization";

/** A budget on income or transfers would never move: refuse it with a reason. */
async function checkCategory(db: Db, userId: string, category: string | null) {
  if (category === null) return;
  const { primary, detailed } = await resolveCategory(db, userId, category);
  const tx = {
    category: primary,
    categoryDetailed: detailed,
    userCategory: null,
    userCategoryDetailed: null,
    transferPeerId: null,
  };
  if (!isSpending(tx)) throw new AppError("INVALID_INPUT", `${category} is not spending, so it cannot have a budget`);
}

function toRow(input: z.output<typeof createBudgetInput>, currency: string) {
  return {
    name: input.name,
    category: input.category,
    amount: input.amount,
    currency,
    period: input.period,
    startDate: fromCalendarDate(input.startDate),
    endDate: input.endDate ? fromCalendarDate(input.endDate) : null,
    rollover: input.rollover,
    alertThresholds: input.alertThresholds,
  };
}

/** Every figure is recomputed from the start after a change, since amount or rollover alter the whole chain. */
async function refresh(db: Db, userId: string, budgetId: string) {
  const budget = await db.budget.findFirstOrThrow({ where: { id: budgetId, userId }, select: budgetSelect });
  if (budget.status === ACTIVE) await checkBudget(db, budget, { mode: "full" });
}

export async function createBudget(db: Db, userId: string, input: z.output<typeof createBudgetInput>) {
  await checkCategory(db, userId, input.category);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { currency: true } });
  const { id } = await db.budget.create({
    data: { userId, ...toRow(input, input.currency ?? user.currency) },
    select: { id: true },
  });
  await refresh(db, userId, id);
  return { id };
}

export async function updateBudget(db: Db, userId: string, input: z.output<typeof updateBudgetInput>) {
  const existing = await db.budget.findFirst({ where: { id: input.id, userId }, select: { currency: true } });
  if (!existing) throw notFound("Budget");
  await checkCategory(db, userId, input.category);
  await db.budget.update({ where: { id: input.id }, data: toRow(input, input.currency ?? existing.currency) });
  await refresh(db, userId, input.id);
  return { id: input.id };
}

export async function setBudgetArchived(db: Db, userId: string, id: string, archived: boolean) {
  const { count } = await db.budget.updateMany({
    where: { id, userId },
    data: { status: archived ? "archived" : ACTIVE },
  });
  if (count === 0) throw notFound("Budget");
  if (!archived) await refresh(db, userId, id);
  return { id };
}

export async function deleteBudget(db: Db, userId: string, id: string) {
  const { count } = await db.budget.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("Budget");
  return { id };
}
