/**
 * The categorizer's engines as a worker process runs them: merchant cleaning, the offline model,
 * and the configured LLM (null without one, so everything is answered offline). Built once per
 * process — the offline model and the provider client are loaded once, not per job.
 */
import { createLanguageModel } from "~/server/llm/language-model";
import { recordLlmUsage } from "~/server/llm/record-usage";
import { logger } from "~/server/logger";
import { getRedis } from "~/server/redis";
import type { CategorizeDeps } from "./decide-categories";
import { cleanMerchant } from "./clean-merchant";
import { createLlmCategorizer } from "./llm-categorizer";
import { predictOffline } from "./predict-offline";

let deps: CategorizeDeps | undefined;

export function categorizeDeps(): CategorizeDeps {
  deps ??= { cleanMerchant, predictOffline, llm: llmFromEnvironment() };
  return deps;
}

function llmFromEnvironment() {
  const model = createLanguageModel();
  return (
    model &&
    createLlmCategorizer(model, {
      // A lost count must not cost the answers it counts: the categorizer treats a throw as a failed call.
      onUsage: (usage) =>
        recordLlmUsage(getRedis(), { purpose: "categorize", ...usage }).catch((error: Error) =>
          logger.warn({ err: error.message }, "LLM usage not recorded"),
        ),
    })
  );
}
