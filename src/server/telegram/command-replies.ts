/** The bot's answers to its commands, as plain text, computed by the same services the web app uses. */
import type { Db } from "~/server/db";
import { formatDay, formatMoney, humanizeSlug } from "~/lib/format";
import { listBudgets } from "~/server/budget/budget-overview";
import { listGoals } from "~/server/goal/goal-overview";
import {
  countTransactions,
  describeSpending,
  spendingDigest,
  topCategoriesLines,
} from "~/server/notification/spending-digest";
import { listCategories } from "~/server/transaction/categories";
import { categorySummary } from "~/server/transaction/category-summary";
import { monthOf, todayIn } from "~/server/time/calendar";
import { parseSpentArgs } from "./spent-args";

async function userToday(db: Db, userId: string, now: Date) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timezone: true } });
  return todayIn(user.timezone, now);
}

export async function summaryReply(db: Db, userId: string, now: Date): Promise<string> {
  const today = await userToday(db, userId, now);
  const day = await spendingDigest(db, userId, { from: today, to: today });
  const month = await spendingDigest(db, userId, { from: monthOf(today).from, to: today });
  return [
    `Today (${formatDay(today)}): ${describeSpending(day)}.`,
    `This month: ${describeSpending(month)}.`,
    ...(month.categories.length ? ["", "Top categories this month:", ...topCategoriesLines(month)] : []),
  ].join("\n");
}

export async function budgetReply(db: Db, userId: string, now: Date): Promise<string> {
  const budgets = (await listBudgets(db, userId, now)).filter((b) => !b.archived);
  if (budgets.length === 0) return "You have no budgets yet. Create one on the Budgets page of the web app.";
  const lines = budgets.map((b) => {
    if (!b.current) return `• ${b.name}: starts ${formatDay(b.startDate)}`;
    const { spent, available, remaining, percent } = b.current;
    const money = (amount: string) => formatMoney(amount, b.currency);
    const left = remaining.startsWith("-") ? `${money(remaining.slice(1))} over` : `${money(remaining)} left`;
    return `• ${b.name}: ${money(spent)} of ${money(available)}${percent === null ? "" : ` (${percent} %)`} — ${left}`;
  });
  return ["Your budgets this period:", ...lines].join("\n");
}

export async function goalsReply(db: Db, userId: string, now: Date): Promise<string> {
  const goals = (await listGoals(db, userId, now)).filter((g) => g.status !== "ABANDONED");
  if (goals.length === 0) return "You have no savings goals yet. Set one on the Goals page of the web app.";
  const lines = goals.map((g) => {
    const money = (amount: string) => formatMoney(amount, g.currency);
    const head = `• ${g.name}: ${money(g.currentAmount)} of ${money(g.targetAmount)} (${g.percent} %)`;
    if (g.status === "ACHIEVED") return `${head} — achieved 🎉`;
    return g.projectedDate
      ? `${head} — on pace for ${formatDay(g.projectedDate)} ${g.projectedDate.slice(0, 4)}`
      : head;
  });
  return ["Your savings goals:", ...lines].join("\n");
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

export async function spentReply(db: Db, userId: string, args: string, now: Date): Promise<string> {
  const { category: query, range } = parseSpentArgs(args, await userToday(db, userId, now));
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
  const period = `${range.label} (${formatDay(range.from)} – ${formatDay(range.to)})`;
  if (rows.length === 0) return `${label}, ${period}: nothing spent.`;
  const amounts = rows.map((r) => `${formatMoney(r.spent, r.currency)} in ${countTransactions(r.count)}`);
  return `${label}, ${period}: ${amounts.join(" and ")}.`;
}
