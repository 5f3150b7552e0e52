/**
 * The categorize queue end to end: a real BullMQ Worker, real Postgres and Redis, and the AI SDK
 * talking HTTP to the local OpenAI-compatible server. (The LLM categorizer's own edge cases —
 * salvaging a half-valid answer, the retry on a 500 — are in llm-categorizer.test.ts.)
 */
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatCompletionRequest } from "~/local-services/llm/llm-script";

// The local LLM server, named as the app's LLM before the app reads its environment.
const llm = await vi.hoisted(async () => (await import("../local-llm-env")).startLocalLlmAsAppLlm());

const { db } = await import("~/server/db");
const { env } = await import("~/server/env");
const { createProducerConnection } = await import("~/server/redis");
const { closeQueues, getQueue } = await import("~/server/queue/producers");
const { enqueueCategorize } = await import("~/server/categorize/enqueue-categorize");
const { cleanMerchant } = await import("~/server/categorize/clean-merchant");
const { predictOffline } = await import("~/server/categorize/predict-offline");
const { createLlmCategorizer } = await import("~/server/categorize/llm-categorizer");
const { createLanguageModel } = await import("~/server/llm/language-model");
const { readLlmUsage } = await import("~/server/llm/record-usage");
const { setCategory } = await import("~/server/transaction/edit-transactions");
const { seedCategories } = await import("~/server/categorize/seed-categories");
const { startWorkers, stopWorkers } = await import("~/workers/start-workers");
const { registry } = await import("~/workers/queue-config");
const { createCategorizeProcessor } = await import("~/workers/processors/categorize");
const { createTestAccount, createTestTransaction, createTestUser } = await import("../factories");
const { answerEveryId, userPrompt } = await import("./local-llm-answers");
const { finishedCategorizeJob } = await import("./finished-categorize-job");

const today = new Date().toISOString().slice(0, 10);
const FIRST = ["Amber", "Cobalt", "Quillon", "Marrow", "Tessel", "Vantry"];
const SECOND = ["Lantern", "Brassworks", "Atelier", "Provisions", "Foundry"];
/** 30 merchants no offline list knows, each with its own cleaned key. */
const MERCHANTS = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`.toUpperCase()));

const merchantsAsked = (request: ChatCompletionRequest) => userPrompt(request).match(/"id":/g)?.length ?? 0;

async function newUser() {
  const user = await createTestUser(db);
  const checking = await createTestAccount(db, user.id, { name: "Checking" });
  return { user, own: { userId: user.id, accountId: checking.id } };
}

async function spend(own: { userId: string; accountId: string }, descriptions: string[], amount = "-12.50") {
  const ids: string[] = [];
  for (const description of descriptions)
    ids.push((await createTestTransaction(db, own, { amount, date: today, description })).id);
  return ids;
}

/** Enqueues the ids as the sync and import do and waits for the job to finish. */
async function categorize(userId: string, ids: string[]) {
  const origin = randomUUID();
  await enqueueCategorize(userId, ids, origin);
  return finished(`categorize:${origin}:0`);
}

const finished = finishedCategorizeJob;

const rows = (ids: string[]) =>
  db.transaction.findMany({
    where: { id: { in: ids } },
    select: {
      merchantName: true,
      merchantKey: true,
      category: true,
      categoryDetailed: true,
      categorySource: true,
      categoryConfidence: true,
      metadata: true,
      transferPeerId: true,
    },
  });

let workers: Worker[];
// The test's own connection: the app's shared one refuses commands until it has connected.
const redis = createProducerConnection({ enableOfflineQueue: true });

beforeAll(() => seedCategories(db));
beforeEach(() => {
  llm.script.reset();
  llm.requests.length = 0;
});
afterAll(async () => {
  redis.disconnect();
  await closeQueues();
  await llm.close();
});

describe("the categorize worker, with the LLM from the environment", () => {
  beforeAll(() => {
    workers = startWorkers({ categorize: registry.categorize });
  });
  afterAll(() => stopWorkers(workers));

  it("categorizes a new batch end to end: many merchants in one call, transfers linked, hooks run, usage counted", async () => {
    llm.script.respondWith(answerEveryId("GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"));
    const { user, own } = await newUser();
    const savings = await createTestAccount(db, user.id, { name: "Savings" });
    const shopping = await spend(
      own,
      MERCHANTS.map((m) => `POS PURCHASE ${m} #4411`),
    );
    const [large] = await spend(own, ["GRANITE & OAK FURNITURE 0193"], "-900.00");
    const out = (
      await createTestTransaction(db, own, {
        amount: "-500.00",
        date: today,
        description: "ONLINE TRANSFER TO SAVINGS",
      })
    ).id;
    const into = (
      await createTestTransaction(
        db,
        { userId: user.id, accountId: savings.id },
        {
          amount: "500.00",
          date: today,
          description: "TRANSFER FROM CHECKING",
        },
      )
    ).id;
    const usageBefore = (await readLlmUsage(redis, today))["calls:categorize"] ?? 0;

    const result = await categorize(user.id, [...shopping, large!, out, into]);

    expect(result).toMatchObject({
      categorized: 33,
      llmMerchants: 33,
      llmMissed: 0,
      linkedTransfers: 1,
      retryJobId: null,
    });
    const calls = llm.chatRequests();
    expect(calls).toHaveLength(1);
    expect(merchantsAsked(calls[0]!)).toBe(33);
    const stored = await rows(shopping);
    expect(stored.map((r) => r.merchantName).sort()).toEqual(
      MERCHANTS.map((m) => m.replace(/\w+/g, (w) => w[0] + w.slice(1).toLowerCase())).sort(),
    );
    for (const row of stored) {
      expect(row).toMatchObject({ category: "GENERAL_MERCHANDISE", categorySource: "LLM" });
      expect(row.categoryConfidence?.toFixed(2)).toBe("0.90");
    }
    const [outRow] = await rows([out]);
    expect(outRow).toMatchObject({ transferPeerId: into, categoryDetailed: "TRANSFER_OUT_ACCOUNT_TRANSFER" });

    // The after-change hooks: a large-transaction alert, a budget check, the analytics cache dropped.
    expect(await db.notification.count({ where: { userId: user.id, type: "large_transaction" } })).toBe(1);
    const budgetChecks = await getQueue("budget-check").getJobs(["waiting", "delayed"]);
    expect(budgetChecks.some((job) => (job.data as { userId: string }).userId === user.id)).toBe(true);
    expect(await redis.get(`${env.REDIS_PREFIX}:analytics:${user.id}:version`)).toBe("1");

    const usage = await readLlmUsage(redis, today);
    expect(usage["calls:categorize"]).toBe(usageBefore + 1);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("asks about 60 merchants in two calls of 50 and 10, never one per merchant", async () => {
    llm.script.respondWith(answerEveryId("FOOD_AND_DRINK_RESTAURANT"));
    const { user, own } = await newUser();
    const names = MERCHANTS.flatMap((m) => [`${m} GRILL`, `${m} KITCHEN`]);
    await categorize(user.id, await spend(own, names));
    expect(llm.chatRequests().map(merchantsAsked)).toEqual([50, 10]);
  });

  it("answers merchants it has seen from the global cache, with no LLM call", async () => {
    const { user, own } = await newUser();
    const ids = await spend(
      own,
      MERCHANTS.map((m) => `${m} 0042 PORTLAND OR`),
    );
    const result = await categorize(user.id, ids);
    expect(llm.chatRequests()).toHaveLength(0);
    expect(result.llmMerchants).toBe(0);
    expect((await rows(ids)).every((r) => r.categorySource === "CACHE" && r.category === "GENERAL_MERCHANDISE")).toBe(
      true,
    );
  });

  it("after one correction, every later transaction from the merchant takes the user's category", async () => {
    llm.script.respondWith(answerEveryId("FOOD_AND_DRINK_COFFEE"));
    const { user, own } = await newUser();
    const [first] = await spend(own, ["ZEPHYR LOOM 0042 PORTLAND OR"]);
    await categorize(user.id, [first!]);
    await setCategory(db, user.id, { ids: [first!], category: "ENTERTAINMENT" });

    llm.requests.length = 0;
    const variants = [
      "ZEPHYR LOOM #77",
      "POS ZEPHYR LOOM 1234",
      "SQ *ZEPHYR LOOM",
      "Zephyr Loom",
      "DEBIT CARD PURCHASE ZEPHYR LOOM 11/02",
      "PURCHASE AUTHORIZED ON 11/02 ZEPHYR LOOM PORTLAND OR S386306577012345 CARD 1234",
      "ZEPHYR LOOM 11/03 #0042",
      "TST* ZEPHYR LOOM",
      "CHECKCARD 1102 ZEPHYR LOOM PORTLAND OR 24431",
      "ZEPHYR LOOM INC",
    ];
    const later = await spend(own, variants);
    await categorize(user.id, later);
    const stored = await rows(later);
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row).toMatchObject({ category: "ENTERTAINMENT", categorySource: "HISTORY" });
    expect(llm.chatRequests()).toHaveLength(0);
  });
});

describe("when the LLM fails, the offline model answers, the job succeeds and the merchants are asked again later", () => {
  const model = createLanguageModel()!;
  beforeAll(() => {
    // The worker's own processor and engines, with a short timeout so a slow LLM is quick to test.
    const deps = { cleanMerchant, predictOffline, llm: createLlmCategorizer(model, { timeoutMs: 800 }) };
    workers = startWorkers({
      categorize: { concurrency: 1, processor: async () => ({ process: createCategorizeProcessor(() => deps) }) },
    });
  });
  afterAll(() => stopWorkers(workers));

  const failures: [string, (ids: number[]) => void][] = [
    ["answers that are not JSON", () => void llm.script.garbage()],
    [
      "categories outside the taxonomy",
      (ids) => void llm.script.json({ results: ids.map((id) => ({ id, category: "SHOPPING_SPREE", confidence: 1 })) }),
    ],
    ["a timeout", () => void llm.script.text("{}", { delayMs: 3_000 })],
    ["HTTP 500s", () => void llm.script.httpError(500).httpError(500)],
  ];

  it.each(failures)("%s", async (name, fail) => {
    const { user, own } = await newUser();
    // Merchants of their own per case: an earlier case's retry has put its merchants in the cache.
    const tag = name.replace(/[^a-z]/gi, "").toUpperCase();
    const descriptions = [`${tag} COFFEE ROASTERS 0412`, `${tag} ORCHARD SUPPLY 12`];
    const ids = await spend(own, descriptions);
    fail([0, 1]);

    const result = await categorize(user.id, ids);
    expect(result).toMatchObject({ categorized: 2, llmMissed: 2 });
    const offline = await rows(ids);
    for (const row of offline) {
      expect(row.categorySource).toBe("MODEL");
      expect(row.metadata).toMatchObject({ llmRetry: true });
    }
    expect(offline.map((r) => r.categoryDetailed).sort()).toEqual(
      descriptions.map((description) => predictOffline({ description, amount: "-12.50" }).detailed).sort(),
    );

    // The follow-up is delayed, under an id derived from what it retries.
    const retry = await getQueue("categorize").getJob(result.retryJobId!);
    expect(await retry!.getState()).toBe("delayed");
    expect(retry!.opts.delay).toBeGreaterThanOrEqual(10 * 60_000);
    expect(retry!.data).toEqual({
      userId: user.id,
      transactionIds: [...ids].sort(),
      llmRetry: 1,
      // The retry carries the request id of the job it follows, so its logs join the same trace.
      requestId: expect.stringMatching(/^job:categorize:/),
    });

    // The LLM is back: the retry, run now, takes its answers and clears the mark.
    llm.script.reset();
    llm.script.respondWith(answerEveryId("GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"));
    await retry!.promote();
    await expect(finished(result.retryJobId!)).resolves.toMatchObject({ llmMissed: 0, retryJobId: null });
    for (const row of await rows(ids)) {
      expect(row.categorySource).toBe("LLM");
      expect(row.metadata ?? {}).not.toHaveProperty("llmRetry");
    }
  });
});
