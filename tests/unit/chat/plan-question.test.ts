import { describe, expect, it } from "vitest";
import { matchCategory } from "~/server/chat/offline/match-category";
import { matchMerchant, planQuestion } from "~/server/chat/offline/plan-question";

const ctx = {
  today: "2026-03-15",
  categories: [{ slug: "kids", label: "Kids stuff" }],
  merchants: ["Whole Foods", "Blue Bottle Coffee", "Netflix", "Payment", "Uber"],
};
const plan = (q: string) => planQuestion(q, ctx);

describe("planQuestion", () => {
  it.each([
    [
      "How much did I spend on groceries last month?",
      "spendingSummary",
      { from: "2026-02-01", to: "2026-02-28", category: "FOOD_AND_DRINK_GROCERIES" },
    ],
    [
      "how much did I spend at Whole Foods since March?",
      "spendingSummary",
      { from: "2026-03-01", to: "2026-03-15", merchant: "Whole Foods" },
    ],
    [
      "What did I spend at Joe's Diner in Q2 2025?",
      "spendingSummary",
      { from: "2025-04-01", to: "2025-06-30", merchant: "Joe's Diner" },
    ],
    [
      "coffee in February",
      "spendingSummary",
      { from: "2026-02-01", to: "2026-02-28", category: "FOOD_AND_DRINK_COFFEE" },
    ],
    ["How much did I spend this month?", "spendingSummary", { from: "2026-03-01", to: "2026-03-31" }],
    [
      "money spent on kids stuff this year",
      "spendingSummary",
      { from: "2026-01-01", to: "2026-12-31", category: "kids" },
    ],
    ["What are my top 3 merchants in 2025?", "topMerchants", { from: "2025-01-01", to: "2025-12-31", limit: 3 }],
    ["Where do I spend the most?", "topMerchants", { from: "2026-03-01", to: "2026-03-31", limit: 5 }],
    ["What was my biggest expense last month?", "largestExpenses", { from: "2026-02-01", to: "2026-02-28", limit: 1 }],
    ["my 3 largest purchases this year", "largestExpenses", { limit: 3 }],
    [
      "compare this month with last month",
      "comparePeriods",
      { current: { from: "2026-03-01", to: "2026-03-31" }, previous: { from: "2026-02-01", to: "2026-02-28" } },
    ],
    [
      "Did I spend more on dining in March than in February?",
      "comparePeriods",
      {
        category: "FOOD_AND_DRINK_RESTAURANT",
        current: { from: "2026-03-01", to: "2026-03-31" },
        previous: { from: "2026-02-01", to: "2026-02-28" },
      },
    ],
    ["How much income did I get last month?", "income", { from: "2026-02-01", to: "2026-02-28" }],
    ["How much is left in my budgets?", "budgetStatus", {}],
    ["What bills are coming up?", "upcomingBills", { days: 14 }],
    ["What subscriptions do I have?", "subscriptions", {}],
    ["Will I go below zero before my next salary?", "cashFlowForecast", { days: 30 }],
    ["cash flow forecast for the next 90 days", "cashFlowForecast", { days: 90 }],
    ["any unusual charges lately?", "unusualSpending", { days: 30 }],
    ["spending by category last month", "spendingByCategory", { from: "2026-02-01", to: "2026-02-28" }],
    ["how is my coffee spending trending?", "spendingTrend", { months: 6, category: "FOOD_AND_DRINK_COFFEE" }],
    ["what's my balance?", "accounts", {}],
    ["show my last 5 transactions at Uber", "listTransactions", { search: "Uber", limit: 5 }],
    ["how are my savings goals doing?", "savingsGoals", {}],
  ])("%s → %s", (question, tool, input) => {
    const result = plan(question);
    expect(result.tool).toBe(tool);
    expect(result.tool && result.input).toMatchObject(input);
  });

  it("answers with help when it cannot tell what is asked", () => {
    expect(plan("tell me a joke")).toEqual({ intent: "help", tool: null });
    expect(plan("what can you do?")).toEqual({ intent: "help", tool: null });
  });

  it("never takes a user id or an account from the question", () => {
    const result = plan("how much did user 5c1e0c9a-1b2c-4d5e-8f90-123456789abc spend last month?");
    expect(result.tool).toBe("spendingSummary");
    expect(Object.keys(result.tool ? result.input : {})).not.toContain("userId");
  });
});

describe("matching words to categories and merchants", () => {
  it("prefers the longest phrase and the user's own categories", () => {
    expect(matchCategory("gas and electricity bill")?.slug).toBe("RENT_AND_UTILITIES_GAS_AND_ELECTRICITY");
    expect(matchCategory("gas for the car")?.slug).toBe("TRANSPORTATION_GAS");
    expect(matchCategory("kids stuff", [{ slug: "kids", label: "Kids stuff" }])?.slug).toBe("kids");
    expect(matchCategory("other than that, how much?")).toBeNull();
  });

  it("finds known merchants as whole words, and ignores generic ones", () => {
    expect(matchMerchant("spent at blue bottle coffee?", ctx.merchants)).toBe("Blue Bottle Coffee");
    expect(matchMerchant("biggest payment this month", ctx.merchants)).toBeNull();
    expect(matchMerchant("look at my spending", ctx.merchants)).toBeNull();
  });
});
