/**
 * Asks an LLM for the categories of merchants we have never seen, many per call, with the
 * answer constrained to our taxonomy. Anything wrong — the LLM down, slow, or answering
 * garbage or unknown categories — yields no verdict for those merchants, never an error:
 * the offline model answers instead and the merchant is retried later.
 */
import { type LanguageModel, NoObjectGeneratedError, Output, generateText } from "ai";
import { logger } from "~/server/logger";
import type { CategoryVerdict } from "./category-verdict";
import {
  MERCHANTS_PER_CALL,
  type MerchantQuestion,
  SYSTEM,
  answerSchema,
  prompt,
  toVerdicts,
  verdictsFromText,
} from "./llm-request";

export type { MerchantQuestion };

export interface LlmCategorizer {
  categorize(merchants: MerchantQuestion[]): Promise<Map<string, CategoryVerdict>>;
}

const TIMEOUT_MS = 20_000;

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
      // An answer we could not use was still generated, and billed: count it.
      if (NoObjectGeneratedError.isInstance(error) && error.usage)
        await onUsage({ inputTokens: error.usage.inputTokens ?? 0, outputTokens: error.usage.outputTokens ?? 0 });
      if (NoObjectGeneratedError.isInstance(error) && error.text) {
        const salvaged = verdictsFromText(merchants, error.text);
        if (salvaged.size > 0) return salvaged;
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
