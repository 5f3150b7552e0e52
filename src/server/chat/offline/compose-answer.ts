/**
 * The offline engine's words: one sentence or a short list per tool result, quoting the exact
 * figures (formatted for the user's locale) and never adding currencies together.
 */
import { formatMoney } from "~/lib/format";
import { categoryLabel } from "~/server/analytics/category-label";
import type { ToolOutput } from "../tools/tool-catalog";
import { describePeriod } from "./parse-period";
import type { Plan } from "./plan-question";

type Ctx = { today: string; locale: string };

export const HELP_TEXT = [
  "I can answer questions like these:",
  "• How much did I spend on groceries last month? (or at a merchant, in Q2 2025, since March…)",
  "• What are my top merchants this year?",
  "• What was my biggest expense in February?",
  "• Compare this month with last month",
  "• How much income did I get this month?",
  "• How much is left in my budgets?",
  "• What bills are coming up? What subscriptions do I pay?",
  "• Will I go below zero before my next salary?",
  "• Any unusual charges lately?",
].join("\n");

function joinMoney(items: { amount: string; currency: string }[], ctx: Ctx): string {
  const parts = items.map((i) => formatMoney(i.amount, i.currency, ctx.locale));
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function subject(category: string | null, merchant: string | null) {
  return [category && ` on ${categoryLabel(category)}`, merchant && ` at ${merchant}`].filter(Boolean).join("");
}

function spending(out: ToolOutput<"spendingSummary">, ctx: Ctx): string {
  const when = describePeriod(out.period, ctx.today);
  const what = subject(out.category, out.merchant);
  if (out.totals.length === 0) return `You spent nothing${what} ${when}.`;
  const n = out.totals.reduce((sum, t) => sum + t.count, 0);
  return `You spent ${joinMoney(
    out.totals.map((t) => ({ amount: t.spent, currency: t.currency })),
    ctx,
  )}${what} ${when} (${count(n, "transaction")}).`;
}

function topMerchants(out: ToolOutput<"topMerchants">, ctx: Ctx): string {
  const when = describePeriod(out.period, ctx.today);
  if (out.merchants.length === 0) return `No spending at any merchant ${when}.`;
  const currencies = [...new Set(out.merchants.map((m) => m.currency))];
  // One ranking per currency: amounts in different currencies are not comparable.
  const blocks = currencies.map((currency) => {
    const lines = out.merchants
      .filter((m) => m.currency === currency)
      .map(
        (m, i) =>
          `${i + 1}. ${m.merchant}: ${formatMoney(m.spent, currency, ctx.locale)} (${count(m.count, "purchase")})`,
      );
    return currencies.length > 1 ? `In ${currency}:\n${lines.join("\n")}` : lines.join("\n");
  });
  return `Where your money went ${when}:\n${blocks.join("\n")}`;
}

function largest(out: ToolOutput<"largestExpenses">, ctx: Ctx, plural: boolean): string {
  const when = describePeriod(out.period, ctx.today);
  const [top] = out.transactions;
  if (!top) return `No expenses ${when}.`;
  const line = (t: typeof top) =>
    `${formatMoney(t.spent, t.currency, ctx.locale)} at ${t.merchant} on ${t.date} (${categoryLabel(t.category)})`;
  if (!plural) return `Your biggest expense ${when} was ${line(top)}.`;
  return `Your biggest expenses ${when}:\n${out.transactions.map((t, i) => `${i + 1}. ${line(t)}`).join("\n")}`;
}

function compare(out: ToolOutput<"comparePeriods">, ctx: Ctx): string {
  const now = describePeriod(out.current, ctx.today);
  const before = describePeriod(out.previous, ctx.today);
  const what = subject(out.category, out.merchant);
  if (out.comparison.length === 0) return `You spent nothing${what} ${now} or ${before}.`;
  return out.comparison
    .map((c) => {
      const money = (a: string) => formatMoney(a, c.currency, ctx.locale);
      const diff = c.difference.startsWith("-") ? c.difference.slice(1) : c.difference;
      const direction = c.difference.startsWith("-") ? "less" : "more";
      const change = c.percent === null ? "" : ` (${c.percent.startsWith("-") ? "" : "+"}${c.percent}%)`;
      return `You spent ${money(c.current)}${what} ${now}, against ${money(c.previous)} ${before}: ${money(diff)} ${direction}${change}.`;
    })
    .join("\n");
}

function income(out: ToolOutput<"income">, ctx: Ctx): string {
  const when = describePeriod(out.period, ctx.today);
  if (out.totals.length === 0) return `No income recorded ${when}.`;
  return out.totals
    .map((t) => {
      const main = t.sources[0] ? `, mostly from ${t.sources[0].name}` : "";
      return `Your income ${when}: ${formatMoney(t.income, t.currency, ctx.locale)} (${count(t.count, "payment")})${main}.`;
    })
    .join("\n");
}

function budgets(out: ToolOutput<"budgetStatus">, ctx: Ctx): string {
  if (out.budgets.length === 0) return "You have no budgets yet. Create one on the Budgets page.";
  const lines = out.budgets.map((b) => {
    const money = (a: string) => formatMoney(a, b.currency, ctx.locale);
    const left = b.remaining.startsWith("-") ? `${money(b.remaining.slice(1))} over` : `${money(b.remaining)} left`;
    const used = b.percent === null ? "" : `, ${b.percent}% used`;
    return `• ${b.name}: ${left} of ${money(b.amount)}${used}${b.end ? ` (until ${b.end})` : ""}`;
  });
  return `Your budgets:\n${lines.join("\n")}`;
}

function goals(out: ToolOutput<"savingsGoals">, ctx: Ctx): string {
  if (out.goals.length === 0) return "You have no savings goals yet.";
  const lines = out.goals.map((g) => {
    const money = (a: string) => formatMoney(a, g.currency, ctx.locale);
    const eta = g.projectedDate ? `, on pace to finish around ${g.projectedDate}` : "";
    return `• ${g.name}: ${money(g.saved)} of ${money(g.target)} (${g.percent}%)${eta}`;
  });
  return `Your savings goals:\n${lines.join("\n")}`;
}

function bills(list: ToolOutput<"subscriptions">["subscriptions"], ctx: Ctx) {
  return list.map(
    (b) =>
      `• ${b.name}: ${formatMoney(b.amount, b.currency, ctx.locale)} ${b.cadence}, next around ${b.nextExpectedDate}`,
  );
}

function subscriptions(out: ToolOutput<"subscriptions">, ctx: Ctx): string {
  if (out.subscriptions.length === 0) return "I found no active subscriptions or recurring bills.";
  const total = joinMoney(
    out.monthlyTotals.map((t) => ({ amount: t.monthly, currency: t.currency })),
    ctx,
  );
  return `You have ${count(out.subscriptions.length, "subscription or bill")} costing about ${total} a month:\n${bills(out.subscriptions, ctx).join("\n")}`;
}

function upcoming(out: ToolOutput<"upcomingBills">, ctx: Ctx): string {
  if (out.bills.length === 0) return `No recurring bills expected until ${out.period.to}.`;
  return `Coming up until ${out.period.to}:\n${bills(out.bills, ctx).join("\n")}`;
}

function forecast(out: ToolOutput<"cashFlowForecast">, ctx: Ctx): string {
  if (out.currencies.length === 0) return "I need an account with a balance to forecast your cash flow.";
  const lines = out.currencies.map((c) => {
    const money = (a: string) => formatMoney(a, c.currency, ctx.locale);
    return `Your ${c.currency} balance should go from ${money(c.startBalance)} to about ${money(c.endBalance)} in ${out.days} days (lowest ${money(c.lowest.balance)} around ${c.lowest.date}).`;
  });
  const salary = out.beforeNextSalary;
  if (!out.nextSalary || !salary) lines.push("I found no regular salary to forecast against.");
  else {
    const money = (a: string) => formatMoney(a, salary.currency, ctx.locale);
    lines.push(
      salary.goesBelowZero
        ? `Yes: before your next salary on ${salary.salaryDate} you are likely to go below zero, down to ${money(salary.lowestBalance)} around ${salary.lowestDate}.`
        : salary.mightGoBelowZero
          ? `Probably not, but it is close: your lowest point before your salary on ${salary.salaryDate} is about ${money(salary.lowestBalance)}, and a heavier week could take you below zero.`
          : `No: before your next salary on ${salary.salaryDate} your balance stays above zero (lowest about ${money(salary.lowestBalance)} around ${salary.lowestDate}).`,
    );
  }
  return lines.join("\n");
}

function unusual(out: ToolOutput<"unusualSpending">, ctx: Ctx): string {
  if (out.anomalies.length === 0) return "Nothing unusual in your recent spending.";
  const lines = out.anomalies.map(
    (a) => `• ${a.date}: ${formatMoney(a.amount, a.currency, ctx.locale)} — ${a.explanation}`,
  );
  return `Charges worth a look:\n${lines.join("\n")}`;
}

function byCategory(out: ToolOutput<"spendingByCategory">, ctx: Ctx): string {
  const when = describePeriod(out.period, ctx.today);
  if (out.categories.length === 0) return `No spending ${when}.`;
  const lines = out.categories.map((c) => `• ${c.label}: ${formatMoney(c.spent, c.currency, ctx.locale)}`);
  return `Your spending by category ${when}:\n${lines.join("\n")}`;
}

function trend(out: ToolOutput<"spendingTrend">, ctx: Ctx): string {
  const what = subject(out.category, out.merchant);
  if (out.months.length === 0) return `No spending${what} in the last months.`;
  const lines = out.months.map((m) => `• ${m.month}: ${formatMoney(m.spent, m.currency, ctx.locale)}`);
  return `Your spending${what} month by month:\n${lines.join("\n")}`;
}

function accounts(out: ToolOutput<"accounts">, ctx: Ctx): string {
  if (out.accounts.length === 0) return "You have no accounts yet.";
  const lines = out.accounts.map(
    (a) =>
      `• ${a.name}: ${a.currentBalance === null ? "balance unknown" : formatMoney(a.currentBalance, a.currency, ctx.locale)}`,
  );
  return `Your accounts:\n${lines.join("\n")}`;
}

function transactions(out: ToolOutput<"listTransactions">, ctx: Ctx): string {
  if (out.transactions.length === 0) return "No matching transactions.";
  const lines = out.transactions.map(
    (t) => `• ${t.date} ${t.merchant}: ${formatMoney(t.amount, t.currency, ctx.locale)}`,
  );
  return `Your transactions:\n${lines.join("\n")}`;
}

export function composeAnswer(plan: Plan, output: unknown, ctx: Ctx): string {
  switch (plan.tool) {
    case "spendingSummary":
      return spending(output as ToolOutput<"spendingSummary">, ctx);
    case "topMerchants":
      return topMerchants(output as ToolOutput<"topMerchants">, ctx);
    case "largestExpenses":
      return largest(output as ToolOutput<"largestExpenses">, ctx, plan.plural);
    case "comparePeriods":
      return compare(output as ToolOutput<"comparePeriods">, ctx);
    case "income":
      return income(output as ToolOutput<"income">, ctx);
    case "budgetStatus":
      return budgets(output as ToolOutput<"budgetStatus">, ctx);
    case "savingsGoals":
      return goals(output as ToolOutput<"savingsGoals">, ctx);
    case "subscriptions":
      return subscriptions(output as ToolOutput<"subscriptions">, ctx);
    case "upcomingBills":
      return upcoming(output as ToolOutput<"upcomingBills">, ctx);
    case "cashFlowForecast":
      return forecast(output as ToolOutput<"cashFlowForecast">, ctx);
    case "unusualSpending":
      return unusual(output as ToolOutput<"unusualSpending">, ctx);
    case "spendingByCategory":
      return byCategory(output as ToolOutput<"spendingByCategory">, ctx);
    case "spendingTrend":
      return trend(output as ToolOutput<"spendingTrend">, ctx);
    case "accounts":
      return accounts(output as ToolOutput<"accounts">, ctx);
    case "listTransactions":
      return transactions(output as ToolOutput<"listTransactions">, ctx);
  }
}
