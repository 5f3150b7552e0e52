/**
 * What kind of question it is. Ordered rules, first match wins: the specific questions (budget,
 * forecast, bills) before the general "how much did I spend".
 */
export type Intent =
  | "help"
  /** Nothing recognised: the planner decides from what else the question names. */
  | "unknown"
  | "forecast"
  | "budget"
  | "goals"
  | "upcomingBills"
  | "subscriptions"
  | "unusual"
  | "compare"
  | "topMerchants"
  | "largest"
  | "income"
  | "byCategory"
  | "trend"
  | "accounts"
  | "transactions"
  | "spending";

const RULES: [Intent, RegExp][] = [
  ["help", /\b(what can you (do|answer)|help( me)?$|^help\b|how does this work|what (questions|can i ask))\b/],
  [
    "forecast",
    /\b(below zero|overdra|run out of money|go(ing)? negative|forecast|cash ?flow|before (my )?(next )?(salary|payday|paycheck)|projected|enough money|will i (have|be))/,
  ],
  ["budget", /\bbudget/],
  ["goals", /\b(savings? goals?|goals?\b|saving (up )?for)/],
  [
    "upcomingBills",
    /\b(upcoming|coming up|due (soon|this|next)|next bills?|bills? (due|coming|this week|next)|what bills)/,
  ],
  ["subscriptions", /\b(subscriptions?|recurring|memberships?|regular (payments|bills))\b/],
  ["unusual", /\b(unusual|anomal|weird|suspicious|strange|duplicate|double[- ]charged|fraud)/],
  [
    "compare",
    /\b(compare|comparison|versus|vs\.?|than (last|the previous|previous|in)|difference between|more or less)\b/,
  ],
  [
    "topMerchants",
    /\b(top (\d+ )?(merchants|stores|shops|places)|where (do|did) i (spend|shop)( the)? most|(merchants|stores|shops) (do|did) i spend (the )?most|most (money )?at)\b/,
  ],
  [
    "largest",
    /\b(biggest|largest|most expensive|highest|priciest)\b.*\b(expense|purchase|transaction|charge|payment|spend)/,
  ],
  ["income", /\b(income|earn(ed|ings)?|salary|paycheck|got paid|get paid|paid me)\b/],
  [
    "byCategory",
    /\b(by category|per category|categories|breakdown|what did i spend (money )?on|where did (my|the) money go)\b/,
  ],
  ["trend", /\b(trend(s|ing)?|over time|per month|each month|every month|monthly|month by month)\b/],
  ["accounts", /\b(balance|balances|accounts?|how much (money )?do i have)\b/],
  [
    "transactions",
    /\b(show|list)\b.*\b(transactions|purchases|payments|charges)\b|\b(last|latest|recent) (\d+ )?(transactions|purchases|charges)\b/,
  ],
  ["spending", /\b(spend|spent|spending|cost|pay|paid|expenses?|bought|buy)\b/],
];

export function detectIntent(question: string): Intent {
  const text = question.toLowerCase().trim();
  for (const [intent, pattern] of RULES) if (pattern.test(text)) return intent;
  return "unknown";
}
