/**
 * "Apply to existing transactions": first a preview of exactly what would change, then the
 * change itself. A transaction the user categorized by hand keeps the user's category.
 */
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { toCalendarDate } from "~/server/time/calendar";
import { afterTransactionsChanged } from "~/server/transaction/after-transactions-changed";
import { resolveCategory } from "~/server/transaction/categories";
import { ruleMatches } from "./match-rules";
import { type RuleInput, ruleInputSchema } from "./rule-schema";
import { listRules } from "./rules";

const CHUNK = 5_000;
const PREVIEW_EXAMPLES = 50;

type Change = {
  id: string;
  date: string;
  description: string;
  amount: string;
  currency: string;
  from: string | null;
  to: string | null;
};

async function findChanges(db: Db, userId: string, rule: RuleInput): Promise<Change[]> {
  const target = rule.actions.setCategory ? await resolveCategory(db, userId, rule.actions.setCategory) : null;
  const changes: Change[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.transaction.findMany({
      where: { userId, ...(cursor && { id: { gt: cursor } }) },
      orderBy: { id: "asc" },
      take: CHUNK,
      select: {
        id: true,
        accountId: true,
        description: true,
        merchantName: true,
        amount: true,
        currency: true,
        transactionDate: true,
        category: true,
        categoryDetailed: true,
        userCategory: true,
        tags: true,
      },
    });
    for (const row of rows) {
      const subject = {
        description: row.description,
        merchantName: row.merchantName,
        amount: row.amount.toFixed(2),
        accountId: row.accountId,
      };
      if (!ruleMatches(subject, rule)) continue;
      const current = row.categoryDetailed ?? row.category;
      const to = target ? (target.detailed ?? target.primary) : current;
      const changesCategory = target !== null && row.userCategory === null && to !== current;
      const changesName =
        rule.actions.setMerchantName !== undefined && rule.actions.setMerchantName !== row.merchantName;
      const changesTags = (rule.actions.addTags ?? []).some((tag) => !row.tags.includes(tag));
      if (!changesCategory && !changesName && !changesTags) continue;
      changes.push({
        id: row.id,
        date: toCalendarDate(row.transactionDate),
        description: row.description,
        amount: row.amount.toFixed(2),
        currency: row.currency,
        from: current,
        to: changesCategory ? to : current,
      });
    }
    if (rows.length < CHUNK) return changes;
    cursor = rows.at(-1)!.id;
  }
}

export async function previewRule(db: Db, userId: string, input: RuleInput) {
  const changes = await findChanges(db, userId, ruleInputSchema.parse(input));
  return { count: changes.length, examples: changes.slice(0, PREVIEW_EXAMPLES) };
}

export async function applyRuleToExisting(db: Db, userId: string, ruleId: string) {
  const rule = (await listRules(db, userId)).find((r) => r.id === ruleId);
  if (!rule) throw new AppError("NOT_FOUND", "Rule not found");
  const changes = await findChanges(db, userId, rule);
  const target = rule.actions.setCategory ? await resolveCategory(db, userId, rule.actions.setCategory) : null;
  const ids = changes.map((c) => c.id);
  await db.$transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (target) {
        await tx.transaction.updateMany({
          where: { userId, id: { in: chunk }, userCategory: null },
          data: {
            category: target.primary,
            categoryDetailed: target.detailed,
            categorySource: "RULE",
            categoryConfidence: 1,
          },
        });
      }
      if (rule.actions.setMerchantName) {
        await tx.transaction.updateMany({
          where: { userId, id: { in: chunk } },
          data: { merchantName: rule.actions.setMerchantName },
        });
      }
      for (const tag of rule.actions.addTags ?? []) {
        await tx.transaction.updateMany({
          where: { userId, id: { in: chunk }, NOT: { tags: { has: tag } } },
          data: { tags: { push: tag } },
        });
      }
    }
  });
  await afterTransactionsChanged(db, userId, ids);
  return { updated: ids.length, ids };
}
