/**
 * Categorizes bare bank descriptions with no user and no database: global knowledge only. The
 * configured LLM, when given, answers each distinct merchant once (many per call); the offline
 * model answers the rest and everything when there is no LLM. Used by `cli categorize`.
 */
import { z } from "zod";
import type { CategoryVerdict } from "./category-verdict";
import { cleanMerchant } from "./clean-merchant";
import type { LlmCategorizer, MerchantQuestion } from "./llm-categorizer";
import { predictOffline } from "./predict-offline";

const DECIMAL = /^[+-]?\d{1,13}(\.\d{1,4})?$/;

export const descriptionInput = z.object({
  description: z.string().trim().min(1, "description is empty").max(2000),
  /** Negative = money out. Only the sign is used; a JSON number is taken as its decimal text. */
  amount: z
    .union([
      z.string().trim().regex(DECIMAL, 'must be a decimal string like "-12.34", or null'),
      z.number().finite().transform(String),
      z.null(),
    ])
    .optional()
    .transform((amount) => amount ?? null),
});

export type DescriptionInput = z.infer<typeof descriptionInput>;

export type DescriptionVerdict = {
  primary: string;
  detailed: string | null;
  confidence: number;
  source: "llm" | "model";
  merchant: string;
};

export async function categorizeDescriptions(
  inputs: DescriptionInput[],
  llm: LlmCategorizer | null,
): Promise<DescriptionVerdict[]> {
  const cleaned = inputs.map((input) => ({ input, ...cleanMerchant(input.description) }));
  const answered = llm ? await askOncePerMerchant(llm, cleaned) : new Map<string, CategoryVerdict>();
  return cleaned.map(({ input, key, displayName }) => {
    const fromLlm = key ? answered.get(key) : undefined;
    const verdict = fromLlm ?? predictOffline(input);
    return {
      primary: verdict.primary,
      detailed: verdict.detailed,
      confidence: Math.round(verdict.confidence * 100) / 100,
      source: fromLlm ? "llm" : "model",
      merchant: displayName,
    };
  });
}

async function askOncePerMerchant(
  llm: LlmCategorizer,
  cleaned: { input: DescriptionInput; key: string; displayName: string }[],
): Promise<Map<string, CategoryVerdict>> {
  const questions = new Map<string, MerchantQuestion>();
  for (const { input, key, displayName } of cleaned) {
    if (key && !questions.has(key))
      questions.set(key, { key, displayName, example: input.description, amount: input.amount });
  }
  return questions.size ? llm.categorize([...questions.values()]) : new Map();
}
