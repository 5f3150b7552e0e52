import { toMinorUnits } from "~/server/transaction/money";
import type { RuleActions, RuleCondition, RuleConditions } from "./rule-schema";

export type RuleSubject = {
  description: string;
  merchantName: string | null;
  amount: string;
  accountId: string;
};

export type Rule = { id: string; name: string; conditions: RuleConditions; actions: RuleActions };

// Descriptions are short; cutting the text a user regex sees bounds its worst case.
const MAX_TEXT = 500;

function matchText(text: string, operator: "contains" | "startsWith" | "equals" | "regex", value: string): boolean {
  const haystack = text.slice(0, MAX_TEXT);
  if (operator === "regex") return new RegExp(value, "i").test(haystack);
  const a = haystack.toLowerCase();
  const b = value.toLowerCase();
  return operator === "contains" ? a.includes(b) : operator === "startsWith" ? a.startsWith(b) : a === b;
}

function matchCondition(tx: RuleSubject, condition: RuleCondition): boolean {
  switch (condition.field) {
    case "description":
      return matchText(tx.description, condition.operator, condition.value);
    case "merchant":
      return tx.merchantName !== null && matchText(tx.merchantName, condition.operator, condition.value);
    case "amount": {
      const units = toMinorUnits(tx.amount);
      const abs = units < 0n ? -units : units;
      return (
        (condition.min === undefined || abs >= toMinorUnits(condition.min)) &&
        (condition.max === undefined || abs <= toMinorUnits(condition.max))
      );
    }
    case "account":
      return tx.accountId === condition.accountId;
    case "direction":
      return (condition.value === "DEBIT") === tx.amount.startsWith("-");
  }
}

export function ruleMatches(tx: RuleSubject, rule: Pick<Rule, "conditions">): boolean {
  const { match, conditions } = rule.conditions;
  return match === "all"
    ? conditions.every((c) => matchCondition(tx, c))
    : conditions.some((c) => matchCondition(tx, c));
}

export type RuleOutcome = { category?: { slug: string; ruleId: string }; merchantName?: string; tags: string[] };

/**
 * Applies rules in their order. The first matching rule that sets a category decides it, and
 * likewise the name; tags from every matching rule are added.
 */
export function applyRules(tx: RuleSubject, rules: Rule[]): RuleOutcome {
  const outcome: RuleOutcome = { tags: [] };
  for (const rule of rules) {
    if (!ruleMatches(tx, rule)) continue;
    const { setCategory, setMerchantName, addTags } = rule.actions;
    if (setCategory && !outcome.category) outcome.category = { slug: setCategory, ruleId: rule.id };
    if (setMerchantName && !outcome.merchantName) outcome.merchantName = setMerchantName;
    for (const tag of addTags ?? []) if (!outcome.tags.includes(tag)) outcome.tags.push(tag);
  }
  return outcome;
}
