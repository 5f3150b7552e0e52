import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Rule } from "./match-rules";
import { resolveCategory } from "~/server/transaction/categories";
import { type RuleInput, ruleActionsSchema, ruleConditionsSchema, ruleInputSchema } from "./rule-schema";

const ruleSelect = { id: true, name: true, position: true, enabled: true, conditions: true, actions: true } as const;

function toRule(row: {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: unknown;
  actions: unknown;
}) {
  return {
    ...row,
    conditions: ruleConditionsSchema.parse(row.conditions),
    actions: ruleActionsSchema.parse(row.actions),
  };
}

export async function listRules(db: Db, userId: string) {
  const rows = await db.categorizationRule.findMany({
    where: { userId },
    select: ruleSelect,
    orderBy: { position: "asc" },
  });
  return rows.map(toRule);
}

/** The enabled rules in the order they apply. */
export async function loadRules(db: Db, userId: string): Promise<Rule[]> {
  return (await listRules(db, userId)).filter((r) => r.enabled);
}

async function validateRule(db: Db, userId: string, input: RuleInput) {
  const data = ruleInputSchema.parse(input);
  if (data.actions.setCategory) await resolveCategory(db, userId, data.actions.setCategory);
  for (const condition of data.conditions.conditions) {
    if (condition.field !== "account") continue;
    const account = await db.bankAccount.findFirst({
      where: { id: condition.accountId, userId },
      select: { id: true },
    });
    if (!account) throw new AppError("NOT_FOUND", "Account not found");
  }
  return data;
}

export async function createRule(db: Db, userId: string, input: RuleInput) {
  const data = await validateRule(db, userId, input);
  const last = await db.categorizationRule.aggregate({ where: { userId }, _max: { position: true } });
  const row = await db.categorizationRule.create({
    data: { userId, ...data, position: (last._max.position ?? -1) + 1 },
    select: ruleSelect,
  });
  return toRule(row);
}

export async function updateRule(db: Db, userId: string, id: string, input: RuleInput) {
  const data = await validateRule(db, userId, input);
  const { count } = await db.categorizationRule.updateMany({ where: { id, userId }, data });
  if (count === 0) throw new AppError("NOT_FOUND", "Rule not found");
}

export async function deleteRule(db: Db, userId: string, id: string) {
  const { count } = await db.categorizationRule.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Rule not found");
}

export const reorderRulesInput = z.object({ ids: z.array(z.uuid()).min(1).max(500) });

/** Sets the order of all of a user's rules at once; the list must name each of them exactly once. */
export async function reorderRules(db: Db, userId: string, ids: string[]) {
  const existing = await db.categorizationRule.findMany({ where: { userId }, select: { id: true } });
  const mine = new Set(existing.map((r) => r.id));
  if (ids.length !== mine.size || new Set(ids).size !== ids.length || !ids.every((id) => mine.has(id))) {
    throw new AppError("INVALID_INPUT", "Give every one of your rules exactly once");
  }
  await db.$transaction(
    ids.map((id, position) => db.categorizationRule.updateMany({ where: { id, userId }, data: { position } })),
  );
}
