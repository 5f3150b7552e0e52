import type { RuleCondition } from "~/server/categorize/rule-schema";

const OPERATORS = { contains: "contains", startsWith: "starts with", equals: "is", regex: "matches" } as const;

export function describeCondition(condition: RuleCondition): string {
  switch (condition.field) {
    case "description":
    case "merchant":
      return `${condition.field} ${OPERATORS[condition.operator]} “${condition.value}”`;
    case "amount":
      if (condition.min && condition.max) return `amount between ${condition.min} and ${condition.max}`;
      return condition.min ? `amount at least ${condition.min}` : `amount at most ${condition.max}`;
    case "account":
      return "a chosen account";
    case "direction":
      return condition.value === "DEBIT" ? "money out" : "money in";
  }
}
