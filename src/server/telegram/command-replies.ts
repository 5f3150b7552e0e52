/** The bot's answers to its commands, as plain text, computed by the same services the web app uses. */
import type { Db } from "~/server/db";
import { formatDay, formatFullDay, formatMoney, humanizeSlug } from "~/lib/format";
import { listBudgets } from "~/server/budget/budget-overview";
import { listGoals } from "~/server/goal/goal-overview";
import {
  countTransactions,
  describeSpending,
  spendingDigest,
  topCategoriesLines,
} from "~/server/notification/spending-digest";
import { userContext } from "~/server/analytics/user-context";
import { listCategories } from "~/server/transaction/categories";
import { categorySummary } from "~/server/transaction/category-summary";
import { monthOf } from "~/server/time/calendar";
import { parseSpentArgs } from "./spent-args";

export async function summaryReply(db: Db, userId: string, now: Date): Promise<string> {
  const { today, locale } = await userContext(db, userId, now);
  const day = await spendingDigest(db, userId, { from: today, to: today });
  const month = await spendingDigest(db, userId, { from: monthOf(today).from, to: today });
  return [
    `Today (${formatDay(today, locale)}): ${describeSpending(day, locale)}.`,
    `This month: ${describeSpending(month, locale)}.`,
    ...(month.categories.length ? ["", "Top categories this month:", ...topCategoriesLines(month, locale)] : []),
  ].join("\n");
}

export async function budgetReply(db: Db, userId: string, now: Date): Promise<string> {
  const { locale } = await userContext(db, userId, now);
  const budgets = (await listBudgets(db, userId, now)).filter((b) => !b.archived);
  if (budgets.length === 0) return "You have no budgets yet. Create one on the Budgets page of the web app.";
  const lines = budgets.map((b) => {
    if (!b.current) return `• ${b.name}: starts ${formatDay(b.startDate, locale)}`;
    const { spent, available, remaining, percent } = b.current;
    const money = (amount: string) => formatMoney(amount, b.currency, locale);
    const left = remaining.startsWith("-") ? `${money(remaining.slice(1))} over` : `${money(remaining)} left`;
    return `• ${b.name}: ${money(spent)} of ${money(available)}${percent === null ? "" : ` (${percent} %)`} — ${left}`;
  });
  return ["Your budgets this period:", ...lines].join("\n");
}

export async function goalsReply(db: Db, userId: string, now: Date): Promise<string> {
  const { locale } = await userContext(db, userId, now);
  const goals = (await listGoals(db, userId, now)).filter((g) => g.status !== "ABANDONED");
  if (goals.length === 0) return "You have no savings goals yet. Set one on the Goals page of the web app.";
  const lines = goals.map((g) => {
    const money = (amount: string) => formatMoney(amount, g.currency, locale);
    const head = `• ${g.name}: ${money(g.currentAmount)} of ${money(g.targetAmount)} (${g.percent} %)`;
    if (g.status === "ACHIEVED") return `${head} — achieved 🎉`;
    return g.projectedDate ? `${head} — on pace for ${formatFullDay(g.projectedDate, locale)}` : head;
  });
  return ["Your savings goals:", ...lines].join("\n");
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

export async function spentReply(db: Db, userId: string, args: string, now: Date): Promise<string> {
  const { today, locale } = await userContext(db, userId, now);
  const { category: query, range } = parseSpentArgs(args, today);
  if (!query) return "Which category? For example: /spent food, /spent transportation last month, /spent shopping 30d";
  // Budgets and summaries count by primary category (or the user's own), so those are what can be asked for.
  const choices = (await listCategories(db, userId)).filter((c) => c.slug === c.primary || c.userId !== null);
  const wanted = normalize(query);
  const match =
    choices.find((c) => normalize(c.slug) === wanted || normalize(c.label) === wanted) ??
    choices.find((c) => normalize(c.label).startsWith(wanted) || normalize(c.slug).startsWith(wanted)) ??
    choices.find((c) => normalize(c.label).includes(wanted));
  if (!match) {
    const examples = choices.slice(0, 6).map((c) => c.label.toLowerCase());
    return `I don't know a category called "${query}". Try one of: ${examples.join(", ")}…`;
  }
  const rows = (await categorySummary(db, userId, range)).filter((r) => r.category === match.slug);
  const label = match.label || humanizeSlug(match.slug);
  const period = `${range.label} (${formatDay(range.from, locale)} – ${formatDay(range.to, locale)})`;
  if (rows.length === 0) return `${label}, ${period}: nothing spent.`;
  const amounts = rows.map((r) => `${formatMoney(r.spent, r.currency, locale)} in ${countTransactions(r.count)}`);
  return `${label}, ${period}: ${amounts.join(" and ")}.`;
}
