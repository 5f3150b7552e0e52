/**
 * Asks an LLM for the categories of merchants we have never seen, many per call, with the
 * answer constrained to our taxonomy. Anything wrong — the LLM down, slow, or answering
 * garbage or unknown categories — yields no verdict for those merchants, never an error:
 * the offline model answers instead and the merchant is retried later.
 */
import { type LanguageModel, NoObjectGeneratedError, Output, generateText } from "ai";
import { z } from "zod";
import { logger } from "~/server/logger";
import { type CategoryVerdict, resolveSlug } from "./category-verdict";
import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "./taxonomy";

export type MerchantQuestion = { key: string; displayName: string; example: string; amount: string | null };

export interface LlmCategorizer {
  categorize(merchants: MerchantQuestion[]): Promise<Map<string, CategoryVerdict>>;
}

export const MERCHANTS_PER_CALL = 50;
const TIMEOUT_MS = 20_000;

const SLUGS = [...PRIMARY_CATEGORIES.map((c) => c.slug), ...DETAILED_CATEGORIES.map((c) => c.slug)] as [
  string,
  ...string[],
];

const answerSchema = z.object({
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

const SYSTEM = [
  "You categorize bank transactions by merchant into Plaid's personal finance categories (v2).",
  "Answer with the most specific category slug you are sure of (a detailed one like FOOD_AND_DRINK_COFFEE, else a primary like FOOD_AND_DRINK).",
  "Conventions: credit-card payments are LOAN_PAYMENTS_CREDIT_CARD_PAYMENT; moves between own accounts TRANSFER_IN/TRANSFER_OUT_ACCOUNT_TRANSFER;",
  "ATM withdrawals TRANSFER_OUT_WITHDRAWAL; payroll INCOME_SALARY; refunds keep the category of what they refund; Amazon is GENERAL_MERCHANDISE_ONLINE_MARKETPLACES.",
  "Negative amounts are money out, positive money in. confidence is your probability of being right (0-1).",
].join(" ");

function prompt(merchants: MerchantQuestion[]): string {
  const lines = merchants.map((m, id) =>
    JSON.stringify({ id, merchant: m.displayName, text: m.example, amount: m.amount }),
  );
  return `Categorize each of these ${merchants.length} merchants. Return one result per id.\n${lines.join("\n")}`;
}

function toVerdicts(merchants: MerchantQuestion[], results: { id: number; category: string; confidence: number }[]) {
  const verdicts = new Map<string, CategoryVerdict>();
  for (const { id, category, confidence } of results) {
    const merchant = merchants[id];
    const slug = resolveSlug(category);
    if (merchant && slug && !verdicts.has(merchant.key))
      verdicts.set(merchant.key, { ...slug, confidence, source: "LLM" });
  }
  return verdicts;
}

type Options = {
  onUsage?: (usage: { inputTokens: number; outputTokens: number }) => Promise<void>;
  timeoutMs?: number;
};

export function createLlmCategorizer(
  model: LanguageModel,
  { onUsage = async () => {}, timeoutMs = TIMEOUT_MS }: Options = {},
): LlmCategorizer {
  async function ask(merchants: MerchantQuestion[]): Promise<Map<string, CategoryVerdict>> {
    try {
      const result = await generateText({
        model,
        system: SYSTEM,
        prompt: prompt(merchants),
        temperature: 0,
        maxRetries: 1,
        abortSignal: AbortSignal.timeout(timeoutMs),
        output: Output.object({ schema: answerSchema }),
      });
      await onUsage({ inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 });
      return toVerdicts(merchants, result.output.results);
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error) && error.text) {
        const salvaged = lenientAnswer.safeParse(safeJson(error.text));
        if (salvaged.success) return toVerdicts(merchants, salvaged.data.results);
      }
      logger.warn(
        { err: error instanceof Error ? error.message : String(error), merchants: merchants.length },
        "LLM categorization failed",
      );
      return new Map();
    }
  }

  return {
    async categorize(merchants) {
      const verdicts = new Map<string, CategoryVerdict>();
      for (let i = 0; i < merchants.length; i += MERCHANTS_PER_CALL) {
        for (const [key, verdict] of await ask(merchants.slice(i, i + MERCHANTS_PER_CALL))) verdicts.set(key, verdict);
      }
      return verdicts;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
