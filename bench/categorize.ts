/**
 * Categorization speed (issue 4), on the path the app runs: a bank sync or an import categorizes
 * its new transactions in memory before their INSERT (categorizeNewTransactions: the user's
 * history, rules and the global cache read for the batch's merchants, then cleaning, matching and
 * the offline model), and only merchants that need the LLM go to the categorize queue, whose job
 * reads them, asks the LLM and writes the verdicts back (categorizeTransactions). On 10,000
 * transactions from 500 distinct merchants, against a throwaway database:
 *  - cold, offline model: no LLM, empty caches (goal ≥ 5,000 transactions/s);
 *  - LLM calls for 10,000 new transactions of those merchants, deferred to the queue's batches
 *    and asked of the local OpenAI-compatible server (goal ≤ 20);
 *  - warm: 10,000 more from the same merchants, all now in the global cache (goal ≥ 50,000/s).
 * A categorization figure is the time the categorizer adds to the write, which happens anyway: the
 * rows' INSERT is timed on its own and printed beside it. For comparison, the categorize job's
 * path (read the rows, decide, write every verdict with a second UPDATE) on 10,000 uncategorized
 * rows of known merchants, and the server alone doing that second UPDATE: its floor.
 * Run alone: `npx tsx bench/categorize.ts`; `npm run bench` calls run().
 */
import { startLocalLlmServer } from "~/local-services/llm/local-llm-server";
import type { ChatCompletionRequest } from "~/local-services/llm/llm-script";
import { categorizeNewTransactions } from "~/server/categorize/categorize-new-transactions";
import { countBySource, categorizeTransactions } from "~/server/categorize/categorize-transactions";
import { cleanMerchant } from "~/server/categorize/clean-merchant";
import type { CategorizeDeps } from "~/server/categorize/decide-categories";
import { createLlmCategorizer } from "~/server/categorize/llm-categorizer";
import { predictOffline } from "~/server/categorize/predict-offline";
import { type Db, createDb } from "~/server/db";
import { createLanguageModel } from "~/server/llm/language-model";
import { type NewTransaction, upsertTransactions } from "~/server/transaction/insert-transactions";
import { withBenchDatabase } from "./bench-database";
import { MERCHANTS, SETS, TRANSACTIONS, statementRows } from "./statement-rows";
import { type Metric, runWhenMain } from "./metric";

// The categorize queue's batch (src/server/categorize/enqueue-categorize.ts).
const BATCH = 500;
const WARM_GOAL = 50_000;
const COLD_GOAL = 5_000;
const LLM_CALLS_GOAL = 20;

/**
 * The local server answers like a good model: a confident category for every merchant id in the
 * prompt (unscripted, it returns a schema example, which the pipeline rightly rejects).
 */
function answerEveryMerchant(request: ChatCompletionRequest) {
  const user = request.messages?.find((m) => m.role === "user")?.content;
  const ids = [...String(user ?? "").matchAll(/"id":(\d+)/g)].map((m) => Number(m[1]));
  const results = ids.map((id) => ({ id, category: "FOOD_AND_DRINK_RESTAURANT", confidence: 0.92 }));
  return { type: "json" as const, value: { results } };
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const rate = (n: number, s: number) => Math.round(n / s);

/**
 * What a sync or an import does with new rows: categorize them in memory, then write them in one
 * transaction. Returns both times, the categorization's verdicts by source, and the ids waiting for the queue.
 */
async function categorizeAndInsert(db: Db, userId: string, rows: NewTransaction[], deps: CategorizeDeps) {
  let started = performance.now();
  const categorized = await categorizeNewTransactions(db, userId, rows, deps);
  const categorizeSeconds = seconds(started);
  started = performance.now();
  const written = await db.$transaction((tx) => upsertTransactions(tx, userId, categorized, "ignore"));
  const insertSeconds = seconds(started);
  const bySource = countBySource(categorized.map((row) => ({ verdict: row.categorized?.verdict ?? null })));
  return { categorizeSeconds, insertSeconds, bySource, uncategorized: written.uncategorized };
}

/** The categorize job's path: batches of the queue's size, each read, decided and written back. */
async function categorizeJobs(db: Db, userId: string, ids: string[], deps: CategorizeDeps) {
  const bySource: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const result = await categorizeTransactions(db, userId, ids.slice(i, i + BATCH), deps);
    for (const [source, n] of Object.entries(result.bySource)) bySource[source] = (bySource[source] ?? 0) + n;
  }
  return { seconds: seconds(started), bySource };
}

const sources = (bySource: Record<string, number>) =>
  Object.entries(bySource)
    .map(([source, n]) => `${source} ${n}`)
    .join(", ") || "none";

/**
 * The server alone writing a new verdict into the same 10,000 rows in ONE statement, no client
 * work at all: the floor under any pipeline that writes verdicts to stored rows. Merchant name and
 * key change as on a first categorization, so each row gets new index entries as it does then.
 */
async function verdictWriteFloor(db: Db, userId: string, ids: string[]): Promise<number> {
  const started = performance.now();
  await db.$executeRaw`
    UPDATE transactions
       SET merchant_name = merchant_name || '~', merchant_key = merchant_key || '~', category = 'GENERAL_MERCHANDISE',
           category_detailed = NULL, category_confidence = 0.5, category_source = 'MODEL', updated_at = now()
     WHERE user_id = ${userId}::uuid AND id = ANY(${ids}::uuid[])`;
  return seconds(started);
}

const figure = (name: string, value: number, unit: string, goal: string | null = null, met: boolean | null = null) => ({
  name,
  value,
  unit,
  goal,
  met,
});

async function measure(url: string): Promise<Metric[]> {
  const db = createDb(url);
  const llmServer = await startLocalLlmServer();
  llmServer.script.respondWith(answerEveryMerchant);
  try {
    const user = await db.user.create({ data: { email: "bench-categorize@example.com" }, select: { id: true } });
    const account = await db.bankAccount.create({ data: { userId: user.id, name: "Card" }, select: { id: true } });
    const rows = (set: number) => statementRows(account.id, set);
    const offline = { cleanMerchant, predictOffline, llm: null };
    const withLlm = {
      cleanMerchant,
      predictOffline,
      llm: createLlmCategorizer(
        createLanguageModel({ baseURL: llmServer.url, apiKey: "bench", model: "local-test-model" })!,
      ),
    };
    // A worker process has categorized before: the model is loaded and the code is compiled. A
    // fresh process's first statement (other rows, nothing written) is printed on its own.
    const started = performance.now();
    await categorizeNewTransactions(db, user.id, rows(SETS.firstInProcess), offline);
    const firstInProcess = rate(TRANSACTIONS, seconds(started));

    const cold = await categorizeAndInsert(db, user.id, rows(SETS.cold), offline);
    const learning = await categorizeAndInsert(db, user.id, rows(SETS.llm), withLlm);
    const queued = await categorizeJobs(db, user.id, learning.uncategorized, withLlm);
    const llmCalls = llmServer.chatRequests().length;
    const warm = await categorizeAndInsert(db, user.id, rows(SETS.warm), withLlm);
    const warmCalls = llmServer.chatRequests().length - llmCalls;
    // The old way, still the queue's for LLM retries and the reconcile: stored rows, a second write.
    const stored = await db.$transaction((tx) => upsertTransactions(tx, user.id, rows(SETS.secondWrite), "ignore"));
    const secondWrite = await categorizeJobs(db, user.id, stored.inserted, withLlm);
    const floor = await verdictWriteFloor(db, user.id, stored.inserted);

    const coldRate = rate(TRANSACTIONS, cold.categorizeSeconds);
    const warmRate = rate(TRANSACTIONS, warm.categorizeSeconds);
    return [
      figure(
        `categorize: cold, offline model (${sources(cold.bySource)})`,
        coldRate,
        "tx/s",
        `>= ${COLD_GOAL}`,
        coldRate >= COLD_GOAL,
      ),
      figure("categorize: cold, offline model, a fresh worker process's first 10k", firstInProcess, "tx/s"),
      figure(
        `categorize: LLM calls, ${TRANSACTIONS} tx / ${MERCHANTS} merchants`,
        llmCalls,
        "calls",
        `<= ${LLM_CALLS_GOAL}`,
        llmCalls <= LLM_CALLS_GOAL,
      ),
      figure(
        `categorize: LLM's first run, the queue's jobs (${sources(queued.bySource)}; ${learning.uncategorized.length} deferred at insert)`,
        rate(learning.uncategorized.length, queued.seconds),
        "tx/s",
      ),
      figure(
        `categorize: warm cache (${sources(warm.bySource)})`,
        warmRate,
        "tx/s",
        `>= ${WARM_GOAL}`,
        warmRate >= WARM_GOAL,
      ),
      figure("categorize: LLM calls on the warm run", warmCalls, "calls", "0", warmCalls === 0),
      figure(
        "categorize: the 10k warm rows' INSERT, categories included (not in the figure above)",
        rate(TRANSACTIONS, warm.insertSeconds),
        "tx/s",
      ),
      figure(
        `categorize: warm, the categorize job's path instead (read + second UPDATE; ${sources(secondWrite.bySource)})`,
        rate(stored.inserted.length, secondWrite.seconds),
        "tx/s",
      ),
      figure(
        "categorize: database floor of that second write, one server-side UPDATE of 10k rows",
        rate(stored.inserted.length, floor),
        "tx/s",
      ),
    ];
  } finally {
    await llmServer.close();
    await db.$disconnect();
  }
}

export function run(): Promise<Metric[]> {
  return withBenchDatabase("categorize", (database) => measure(database.url));
}

runWhenMain(import.meta, "categorize", run);
