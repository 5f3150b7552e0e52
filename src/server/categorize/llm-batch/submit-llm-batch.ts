/**
 * The first step of a long history's categorization through OpenAI's Batch API
 * (https://platform.openai.com/docs/guides/batch). Every transaction not yet categorized runs
 * through the normal pipeline at once, with the LLM step deferred: the user sees the offline
 * model's answers right away, and the pipeline marks the transactions whose merchants the LLM
 * should see (`llmRetry`). Those merchants, when there are enough of them, become one JSONL file
 * of Chat Completions requests — the same prompt and schema as a direct call — and one batch.
 */
import { toFile } from "openai";
import type { Redis } from "ioredis";
import type { Db } from "~/server/db";
import { logger } from "~/server/logger";
import { categorizeTransactions } from "../categorize-transactions";
import { cleanMerchant } from "../clean-merchant";
import type { LlmCategorizer } from "../llm-categorizer";
import { MERCHANTS_PER_CALL, type MerchantQuestion, chatCompletionBody } from "../llm-request";
import { predictOffline } from "../predict-offline";
import { BATCH_MIN_MERCHANTS } from "./batch-threshold";
import { type BatchQuestions, saveBatchQuestions } from "./batch-questions";
import type { BatchEndpoint } from "./openai-batch-client";

const PAGE = 500;

export type SubmitOutcome =
  | { status: "submitted"; batchId: string; merchants: number }
  /** Not worth a batch, or no endpoint for one: ordinary calls will do. */
  | { status: "ordinary"; merchants: number };

/** Categorizes the user's uncategorized transactions offline and returns the merchants left for the LLM. */
async function categorizeDeferringLlm(db: Db, userId: string): Promise<MerchantQuestion[]> {
  const asked = new Map<string, MerchantQuestion>();
  const deferring: LlmCategorizer = {
    async categorize(merchants) {
      for (const m of merchants) if (!asked.has(m.key)) asked.set(m.key, m);
      return new Map();
    },
  };
  // Keyset pages: each page leaves the "uncategorized" set as it is written, the cursor keeps order.
  let after: string | undefined;
  for (;;) {
    const page = await db.transaction.findMany({
      where: { userId, category: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) break;
    await categorizeTransactions(
      db,
      userId,
      page.map((t) => t.id),
      { cleanMerchant, predictOffline, llm: deferring },
    );
    after = page.at(-1)!.id;
  }
  return [...asked.values()];
}

async function requestLines(model: string, merchants: MerchantQuestion[]) {
  const lines: BatchQuestions["lines"] = {};
  const jsonl: string[] = [];
  for (let i = 0; i < merchants.length; i += MERCHANTS_PER_CALL) {
    const chunk = merchants.slice(i, i + MERCHANTS_PER_CALL);
    const customId = `merchants-${i / MERCHANTS_PER_CALL}`;
    lines[customId] = chunk.map(({ key, displayName }) => ({ key, displayName }));
    const body = await chatCompletionBody(model, chunk);
    jsonl.push(JSON.stringify({ custom_id: customId, method: "POST", url: "/v1/chat/completions", body }));
  }
  return { lines, file: `${jsonl.join("\n")}\n` };
}

/**
 * With no batch endpoint (the provider changed since the job was queued) the offline pass still
 * runs, so the caller's fallback — the categorize queue — finds every transaction marked.
 */
export async function submitLlmBatch(
  db: Db,
  redis: Redis,
  userId: string,
  endpoint: BatchEndpoint | null,
): Promise<SubmitOutcome> {
  const merchants = await categorizeDeferringLlm(db, userId);
  if (!endpoint || merchants.length < BATCH_MIN_MERCHANTS) return { status: "ordinary", merchants: merchants.length };

  const { lines, file } = await requestLines(endpoint.model, merchants);
  try {
    const input = await endpoint.client.files.create({
      file: await toFile(Buffer.from(file, "utf8"), "categorize-merchants.jsonl", { type: "application/jsonl" }),
      purpose: "batch",
    });
    const batch = await endpoint.client.batches.create({
      input_file_id: input.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
      metadata: { purpose: "categorize" },
    });
    await saveBatchQuestions(redis, batch.id, { model: endpoint.model, inputFileId: input.id, lines });
    return { status: "submitted", batchId: batch.id, merchants: merchants.length };
  } catch (error) {
    // Not retried: a second run would find nothing left to submit, the offline pass being done.
    logger.warn({ userId, err: error instanceof Error ? error.message : String(error) }, "LLM batch not submitted");
    return { status: "ordinary", merchants: merchants.length };
  }
}
