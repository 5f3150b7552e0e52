import { describe, expect, it } from "vitest";
import { type Rule, applyRules, ruleMatches } from "~/server/categorize/match-rules";
import { ruleActionsSchema, ruleConditionsSchema } from "~/server/categorize/rule-schema";

const ACCOUNT = "7b0e6a3c-1d6c-4c55-9b7e-6f0c1c0e4a11";
const coffee = {
  description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
  merchantName: "Blue Bottle",
  amount: "-4.50",
  accountId: ACCOUNT,
};

function rule(id: string, conditions: unknown, actions: unknown): Rule {
  return {
    id,
    name: id,
    conditions: ruleConditionsSchema.parse(conditions),
    actions: ruleActionsSchema.parse(actions),
  };
}

describe("rule conditions", () => {
  it("match text by contains, starts with, equals and regex, ignoring case", () => {
    const on = (condition: object) => ruleMatches(coffee, rule("r", { conditions: [condition] }, { addTags: ["x"] }));
    expect(on({ field: "description", operator: "contains", value: "blue bottle" })).toBe(true);
    expect(on({ field: "description", operator: "startsWith", value: "sq *" })).toBe(true);
    expect(on({ field: "merchant", operator: "equals", value: "BLUE BOTTLE" })).toBe(true);
    expect(on({ field: "description", operator: "regex", value: "bottle \\d{4}" })).toBe(true);
    expect(on({ field: "merchant", operator: "contains", value: "starbucks" })).toBe(false);
  });

  it("bound the absolute amount exactly, and check direction and account", () => {
    const on = (condition: object) => ruleMatches(coffee, rule("r", { conditions: [condition] }, { addTags: ["x"] }));
    expect(on({ field: "amount", min: "4.50", max: "4.50" })).toBe(true);
    expect(on({ field: "amount", min: "4.51" })).toBe(false);
    expect(on({ field: "direction", value: "DEBIT" })).toBe(true);
    expect(on({ field: "direction", value: "CREDIT" })).toBe(false);
    expect(on({ field: "account", accountId: ACCOUNT })).toBe(true);
  });

  it("combine with all or any", () => {
    const conditions = [
      { field: "merchant", operator: "contains", value: "blue" },
      { field: "amount", min: "100" },
    ];
    expect(ruleMatches(coffee, rule("r", { match: "all", conditions }, { addTags: ["x"] }))).toBe(false);
    expect(ruleMatches(coffee, rule("r", { match: "any", conditions }, { addTags: ["x"] }))).toBe(true);
  });

  it("refuse an invalid regex, an empty amount range and a rule without actions", () => {
    expect(
      ruleConditionsSchema.safeParse({ conditions: [{ field: "description", operator: "regex", value: "(" }] }).success,
    ).toBe(false);
    expect(ruleConditionsSchema.safeParse({ conditions: [{ field: "amount" }] }).success).toBe(false);
    expect(ruleActionsSchema.safeParse({}).success).toBe(false);
  });
});

describe("applying rules in order", () => {
  it("lets the first matching rule decide the category and name, and collects every rule's tags", () => {
    const rules = [
      rule(
        "a",
        { conditions: [{ field: "merchant", operator: "contains", value: "starbucks" }] },
        { setCategory: "FOOD_AND_DRINK_COFFEE" },
      ),
      rule(
        "b",
        { conditions: [{ field: "description", operator: "contains", value: "bottle" }] },
        { setCategory: "FOOD_AND_DRINK_COFFEE", addTags: ["coffee"] },
      ),
      rule(
        "c",
        { conditions: [{ field: "direction", value: "DEBIT" }] },
        { setCategory: "GENERAL_MERCHANDISE", setMerchantName: "Blue Bottle Coffee", addTags: ["spend", "coffee"] },
      ),
    ];
    expect(applyRules(coffee, rules)).toEqual({
      category: { slug: "FOOD_AND_DRINK_COFFEE", ruleId: "b" },
      merchantName: "Blue Bottle Coffee",
      tags: ["coffee", "spend"],
    });
  });
});
