/**
 * Categorization speed (issue 4), through the real pipeline (categorizeTransactions with the
 * real merchant cleaner, offline model and LLM categorizer) on 10,000 transactions from 500
 * distinct merchants, in the batches the categorize queue uses, against a throwaway database:
 *  - cold, offline model: no LLM, empty caches (goal ≥ 5,000 transactions/s);
 *  - LLM calls for all 10,000 against the local OpenAI-compatible server (goal ≤ 20);
 *  - warm: 10,000 new transactions from the same merchants, all now in the cache (goal ≥ 50,000/s);
 *  - next to it, the server alone rewriting those rows' verdicts in one statement: the floor.
 * Each figure includes reading the batch and writing its verdicts, as the worker does.
 * Run alone: `npx tsx bench/categorize.ts`; `npm run bench` calls run().
 */
import { startLocalLlmServer } from "~/local-services/llm/local-llm-server";
import type { ChatCompletionRequest } from "~/local-services/llm/llm-script";
import {
  type CategorizeDeps,
  type CategorizeResult,
  categorizeTransactions,
} from "~/server/categorize/categorize-transactions";
import { cleanMerchant } from "~/server/categorize/clean-merchant";
import { createLlmCategorizer } from "~/server/categorize/llm-categorizer";
import { predictOffline } from "~/server/categorize/predict-offline";
import { type Db, createDb } from "~/server/db";
import { createLanguageModel } from "~/server/llm/language-model";
import { type NewTransaction, upsertTransactions } from "~/server/transaction/insert-transactions";
import { withBenchDatabase } from "./bench-database";
import { type Metric, runWhenMain } from "./metric";

const TRANSACTIONS = 10_000;
const MERCHANTS = 500;
// The categorize queue's batch (src/server/categorize/enqueue-categorize.ts).
const BATCH = 500;
const WARM_GOAL = 50_000;
const COLD_GOAL = 5_000;
const LLM_CALLS_GOAL = 20;

const FIRST = [
  "Golden",
  "Blue",
  "Corner",
  "Maple",
  "Harbor",
  "Union",
  "Sunset",
  "Green",
  "Old Town",
  "Lucky",
  "Silver",
  "North",
  "Happy",
  "River",
  "Urban",
  "Little",
  "Royal",
  "Main Street",
  "Cedar",
  "Prairie",
  "Copper",
  "Bright",
  "Hill",
  "Oak",
  "Liberty",
];
const SECOND = [
  "Bakery",
  "Diner",
  "Hardware",
  "Pharmacy",
  "Books",
  "Cafe",
  "Market",
  "Cycles",
  "Florist",
  "Taqueria",
  "Auto Repair",
  "Pet Supply",
  "Dry Cleaners",
  "Pizzeria",
  "Yoga",
  "Barber",
  "Brewing",
  "Optical",
  "Deli",
  "Tailor",
];
const PREFIXES = ["SQ *", "TST* ", "POS ", "", "CHECKCARD "];
const PLACES = ["PORTLAND OR", "AUSTIN TX", "DENVER CO", "BOSTON MA"];

/** 500 merchants as card statements print them, 20 purchases each, with store numbers and places varying. */
function statementRows(accountId: string, set: number): NewTransaction[] {
  return Array.from({ length: TRANSACTIONS }, (_, n) => {
    const i = n + set * TRANSACTIONS;
    const m = i % MERCHANTS;
    const name = `${FIRST[m % FIRST.length]} ${SECOND[Math.floor(m / FIRST.length)]}`.toUpperCase();
    const cents = 300 + ((i * 7919) % 9000);
    return {
      accountId,
      providerTransactionId: `bench-categorize-${i}`,
      amount: `-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      currency: "USD",
      date: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`,
      description: `${PREFIXES[i % PREFIXES.length]}${name} ${String(100 + (i % 37)).padStart(4, "0")} ${PLACES[i % PLACES.length]}`,
    };
  });
}

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

async function categorizeAll(db: Db, userId: string, ids: string[], deps: CategorizeDeps) {
  const bySource: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const result: CategorizeResult = await categorizeTransactions(db, userId, ids.slice(i, i + BATCH), deps);
    for (const [source, n] of Object.entries(result.bySource)) bySource[source] = (bySource[source] ?? 0) + n;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: Math.round(ids.length / seconds), bySource };
}

const sources = (bySource: Record<string, number>) =>
  Object.entries(bySource)
    .map(([source, n]) => `${source} ${n}`)
    .join(", ");

/**
 * The server alone writing a new verdict into the same 10,000 rows in ONE statement, no client
 * work at all: the floor under any pipeline that writes verdicts to categorized rows. Merchant
 * name and key change as on a first categorization, so each row gets new index entries as it does then.
 */
async function verdictWriteFloor(db: Db, userId: string, ids: string[]): Promise<number> {
  const started = performance.now();
  await db.$executeRaw`
    UPDATE transactions
       SET merchant_name = merchant_name || '~', merchant_key = merchant_key || '~', category = 'GENERAL_MERCHANDISE',
           category_detailed = NULL, category_confidence = 0.5, category_source = 'MODEL', updated_at = now()
     WHERE user_id = ${userId}::uuid AND id = ANY(${ids}::uuid[])`;
  return (performance.now() - started) / 1000;
}

async function measure(url: string): Promise<Metric[]> {
  const db = createDb(url);
  const llmServer = await startLocalLlmServer();
  llmServer.script.respondWith(answerEveryMerchant);
  try {
    const user = await db.user.create({ data: { email: "bench-categorize@example.com" }, select: { id: true } });
    const account = await db.bankAccount.create({ data: { userId: user.id, name: "Card" }, select: { id: true } });
    // Two statements' worth: the second set is new rows from merchants the first set taught.
    const [ids, laterIds] = await db.$transaction(async (tx) => [
      (await upsertTransactions(tx, user.id, statementRows(account.id, 0), "ignore")).inserted,
      (await upsertTransactions(tx, user.id, statementRows(account.id, 1), "ignore")).inserted,
    ]);
    const offline = { cleanMerchant, predictOffline };
    const llm = createLlmCategorizer(
      createLanguageModel({ baseURL: llmServer.url, apiKey: "bench", model: "local-test-model" })!,
    );
    // A worker has categorized before: the model is loaded and the code paths have run once.
    await categorizeTransactions(db, user.id, ids.slice(0, 50), { ...offline, llm: null });

    const cold = await categorizeAll(db, user.id, ids, { ...offline, llm: null });
    const learning = await categorizeAll(db, user.id, ids, { ...offline, llm });
    const llmCalls = llmServer.chatRequests().length;
    const warm = await categorizeAll(db, user.id, laterIds, { ...offline, llm });
    const warmCalls = llmServer.chatRequests().length - llmCalls;
    const floorRate = Math.round(laterIds.length / (await verdictWriteFloor(db, user.id, laterIds)));
    return [
      {
        name: "categorize: cold, offline model",
        value: cold.rate,
        unit: "tx/s",
        goal: `>= ${COLD_GOAL}`,
        met: cold.rate >= COLD_GOAL,
      },
      {
        name: `categorize: LLM calls, ${TRANSACTIONS} tx / ${MERCHANTS} merchants`,
        value: llmCalls,
        unit: "calls",
        goal: `<= ${LLM_CALLS_GOAL}`,
        met: llmCalls <= LLM_CALLS_GOAL,
      },
      {
        name: `categorize: first run with the LLM (${sources(learning.bySource)})`,
        value: learning.rate,
        unit: "tx/s",
        goal: null,
        met: null,
      },
      {
        name: `categorize: warm cache (${sources(warm.bySource)})`,
        value: warm.rate,
        unit: "tx/s",
        goal: `>= ${WARM_GOAL}`,
        met: warm.rate >= WARM_GOAL,
      },
      {
        name: "categorize: database floor, server-side verdict UPDATE of the 10k warm rows",
        value: floorRate,
        unit: "tx/s",
        goal: null,
        met: null,
      },
      {
        name: "categorize: LLM calls on the warm run",
        value: warmCalls,
        unit: "calls",
        goal: "0",
        met: warmCalls === 0,
      },
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
