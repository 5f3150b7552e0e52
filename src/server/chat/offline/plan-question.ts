/**
 * From a question to one tool call: the intent picks the tool, the parsed period, category and
 * merchant fill its input. Pure: the caller supplies today, the user's categories and the
 * merchants they have bought from.
 */
import { monthOf } from "~/server/time/calendar";
import type { ChatToolName, ToolInput } from "../tools/tool-catalog";
import { type Intent, detectIntent } from "./detect-intent";
import { matchCategory } from "./match-category";
import { type Period, parsePeriods, previousPeriod } from "./parse-period";

export type PlanContext = {
  today: string;
  categories: { slug: string; label: string }[];
  merchants: string[];
};

type AnsweredIntent = Exclude<Intent, "help" | "unknown">;

export type Plan = {
  [N in ChatToolName]: { intent: AnsweredIntent; tool: N; input: ToolInput<N>; plural: boolean };
}[ChatToolName];

export type QuestionPlan = Plan | { intent: "help"; tool: null };

const normalize = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

/** Words that name a kind of payment, not a merchant, even when a bank uses them as one. */
const NOT_MERCHANTS = new Set([
  "payment",
  "transfer",
  "deposit",
  "purchase",
  "online",
  "card",
  "bank",
  "store",
  "shop",
  "atm",
]);

/**
 * The longest known merchant named in the question; else, after a spending verb, the words
 * following "at" ("what did I spend at Joe's Diner in May").
 */
export function matchMerchant(question: string, merchants: string[]): string | null {
  const text = normalize(question);
  let best: string | null = null;
  for (const name of merchants) {
    const words = normalize(name).trim();
    if (words.length < 3 || NOT_MERCHANTS.has(words)) continue;
    if (text.includes(` ${words} `) && (!best || name.length > best.length)) best = name;
  }
  if (best) return best;
  const at =
    /\b(?:spen[dt]|spending|paid|pay|bought|buy|purchases?|charges?|shopping)\b.*?\bat\s+(.+?)(?=\s+(?:in|on|this|last|since|during|between|from|for|over|the past|so far)\b|[?.!,]|$)/i.exec(
      question,
    );
  return at?.[1]?.trim() || null;
}

function countIn(question: string, fallback: number): number {
  const match =
    /\b(?:top|last|latest|biggest|largest)\s+(\d{1,2})\b|\b(\d{1,2})\s+(?:top|last|latest|biggest|largest|most)\b/i.exec(
      question,
    );
  return match ? Math.min(Number(match[1] ?? match[2]), 50) : fallback;
}

function daysIn(question: string, fallback: number): number {
  const match = /\b(\d{1,3})\s+days?\b/i.exec(question);
  return match ? Number(match[1]) : fallback;
}

export function planQuestion(question: string, ctx: PlanContext): QuestionPlan {
  const detected = detectIntent(question);
  const periods = parsePeriods(question, ctx.today);
  const thisMonth = monthOf(ctx.today);
  const period: Period = periods[0] ?? thisMonth;
  const merchant = matchMerchant(question, ctx.merchants) ?? undefined;
  const category = merchant ? undefined : matchCategory(question, ctx.categories)?.slug;
  const plural = /\b(expenses|purchases|transactions|charges|payments)\b/i.test(question);
  // "Coffee last month?" names no verb, but a category or merchant is a spending question.
  const intent: Exclude<Intent, "unknown"> =
    detected === "unknown" ? (merchant || category ? "spending" : "help") : detected;

  switch (intent) {
    case "help":
      return { intent, tool: null };
    case "forecast": {
      const horizon = daysIn(question, 30);
      const days = horizon > 60 ? 90 : horizon > 30 ? 60 : 30;
      return { intent, tool: "cashFlowForecast", input: { days: days as 30 | 60 | 90 }, plural };
    }
    case "budget":
      return { intent, tool: "budgetStatus", input: {}, plural };
    case "goals":
      return { intent, tool: "savingsGoals", input: {}, plural };
    case "upcomingBills":
      return { intent, tool: "upcomingBills", input: { days: Math.min(daysIn(question, 14), 60) }, plural };
    case "subscriptions":
      return { intent, tool: "subscriptions", input: {}, plural };
    case "unusual":
      return { intent, tool: "unusualSpending", input: { days: Math.min(daysIn(question, 30), 90) }, plural };
    case "compare": {
      const current = periods[0] ?? thisMonth;
      const previous = periods[1] ?? previousPeriod(current);
      return { intent, tool: "comparePeriods", input: { current, previous, category, merchant }, plural };
    }
    case "topMerchants":
      return { intent, tool: "topMerchants", input: { ...period, category, limit: countIn(question, 5) }, plural };
    case "largest":
      return {
        intent,
        tool: "largestExpenses",
        input: { ...period, category, merchant, limit: plural ? countIn(question, 5) : 1 },
        plural,
      };
    case "income":
      return { intent, tool: "income", input: period, plural };
    case "byCategory":
      return { intent, tool: "spendingByCategory", input: period, plural };
    case "trend":
      return { intent, tool: "spendingTrend", input: { months: 6, category, merchant }, plural };
    case "accounts":
      return { intent, tool: "accounts", input: {}, plural };
    case "transactions":
      return {
        intent,
        tool: "listTransactions",
        input: { ...(periods[0] ?? {}), category, search: merchant, limit: countIn(question, 10) },
        plural,
      };
    case "spending":
      return { intent, tool: "spendingSummary", input: { ...period, category, merchant }, plural };
  }
}
