/**
 * What we ask an LLM about merchants and how we read its answer. One definition serves the direct
 * calls (llm-categorizer.ts, through the AI SDK) and the lines of an OpenAI batch
 * (llm-batch/*), so both paths send the same prompt and the same JSON schema and judge answers alike.
 */
import { zodSchema } from "ai";
import { z } from "zod";
import { type CategoryVerdict, resolveSlug } from "./category-verdict";
import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "./taxonomy";

export type MerchantQuestion = { key: string; displayName: string; example: string; amount: string | null };

export const MERCHANTS_PER_CALL = 50;

const SLUGS = [...PRIMARY_CATEGORIES.map((c) => c.slug), ...DETAILED_CATEGORIES.map((c) => c.slug)] as [
  string,
  ...string[],
];

export const answerSchema = z.object({
  results: z.array(z.object({ id: z.number().int(), category: z.enum(SLUGS), confidence: z.number().min(0).max(1) })),
});

// The same shape without the enum: salvages the valid rows of an answer that has a few bad ones.
const lenientAnswer = z.object({
  results: z.array(
    z
      .object({ id: z.number().int(), category: z.string(), confidence: z.number().min(0).max(1) })
      .catch({ id: -1, category: "", confidence: 0 }),
  ),
});

export const SYSTEM = [
  "You categorize bank transactions by merchant into Plaid's personal finance categories (v2).",
  "Answer with the most specific category slug you are sure of (a detailed one like FOOD_AND_DRINK_COFFEE, else a primary like FOOD_AND_DRINK).",
  "Conventions: credit-card payments are LOAN_PAYMENTS_CREDIT_CARD_PAYMENT; moves between own accounts TRANSFER_IN/TRANSFER_OUT_ACCOUNT_TRANSFER;",
  "ATM withdrawals TRANSFER_OUT_WITHDRAWAL; payroll INCOME_SALARY; refunds keep the category of what they refund; Amazon is GENERAL_MERCHANDISE_ONLINE_MARKETPLACES.",
  "Negative amounts are money out, positive money in. confidence is your probability of being right (0-1).",
].join(" ");

export function prompt(merchants: MerchantQuestion[]): string {
  const lines = merchants.map((m, id) =>
    JSON.stringify({ id, merchant: m.displayName, text: m.example, amount: m.amount }),
  );
  return `Categorize each of these ${merchants.length} merchants. Return one result per id.\n${lines.join("\n")}`;
}

/**
 * A Chat Completions request body equal to what the AI SDK sends for the direct path
 * (`Output.object` becomes a strict `json_schema` response format named "response"), for callers
 * that must write the request themselves, such as a batch input file.
 */
export async function chatCompletionBody(model: string, merchants: MerchantQuestion[]) {
  return {
    model,
    temperature: 0,
    response_format: {
      type: "json_schema" as const,
      json_schema: { name: "response", strict: true, schema: await zodSchema(answerSchema).jsonSchema },
    },
    messages: [
      { role: "system" as const, content: SYSTEM },
      { role: "user" as const, content: prompt(merchants) },
    ],
  };
}

/** `merchants` as the prompt listed them: an answer names each by its position. */
export function toVerdicts(
  merchants: Pick<MerchantQuestion, "key">[],
  results: { id: number; category: string; confidence: number }[],
): Map<string, CategoryVerdict> {
  const verdicts = new Map<string, CategoryVerdict>();
  for (const { id, category, confidence } of results) {
    const merchant = merchants[id];
    const slug = resolveSlug(category);
    if (merchant && slug && !verdicts.has(merchant.key))
      verdicts.set(merchant.key, { ...slug, confidence, source: "LLM" });
  }
  return verdicts;
}

/** The verdicts in an answer's raw text, keeping its valid rows; none when the text is not such an answer. */
export function verdictsFromText(
  merchants: Pick<MerchantQuestion, "key">[],
  text: string,
): Map<string, CategoryVerdict> {
  const parsed = lenientAnswer.safeParse(safeJson(text));
  return parsed.success ? toVerdicts(merchants, parsed.data.results) : new Map();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
