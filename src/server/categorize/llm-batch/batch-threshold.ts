/**
 * When a categorization is big enough for OpenAI's Batch API.
 *
 * 1,000 unknown merchants are 20 ordinary calls (50 merchants each): under a minute, a few cents
 * with gpt-4o-mini, and the user sees LLM categories at once — a batch would only make them wait
 * (OpenAI promises it within 24 hours). Past that, a first import of years of history runs to
 * hundreds of calls: halving their price starts to matter with larger models, and a batch's
 * separate rate limit keeps them from starving the chat, which shares the account's per-minute
 * token budget (https://platform.openai.com/docs/guides/batch#rate-limits).
 */
import { batchApiEndpoint, llmConfig } from "~/server/llm/language-model";

export const BATCH_MIN_MERCHANTS = 1_000;

/** Worth a closer look: the provider takes batches, and there are enough transactions to hold that many merchants. */
export const mayUseLlmBatch = (transactionCount: number) =>
  transactionCount >= BATCH_MIN_MERCHANTS && batchApiEndpoint(llmConfig()) !== null;
