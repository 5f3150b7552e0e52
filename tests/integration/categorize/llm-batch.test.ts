import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatCompletionRequest } from "~/local-services/llm/llm-script";

// The local OpenAI-compatible server, named as the app's LLM before the app reads its environment.
// LLM_BATCH_API=on: it is not api.openai.com, but it serves /v1/files and /v1/batches.
const llm = await vi.hoisted(async () =>
  (await import("../local-llm-env")).startLocalLlmAsAppLlm({ LLM_BATCH_API: "on", LLM_BATCH_POLL_SECONDS: "0.2" }),
);

const { db } = await import("~/server/db");
const { getRedis } = await import("~/server/redis");
const { closeQueues } = await import("~/server/queue/producers");
const { enqueueCategorize } = await import("~/server/categorize/enqueue-categorize");
const { createLlmCategorizer } = await import("~/server/categorize/llm-categorizer");
const { BATCH_MIN_MERCHANTS } = await import("~/server/categorize/llm-batch/batch-threshold");
const { createLanguageModel } = await import("~/server/llm/language-model");
const { readLlmUsage } = await import("~/server/llm/record-usage");
const { startWorkers, stopWorkers } = await import("~/workers/start-workers");
const { answerEveryId, userPrompt } = await import("./local-llm-answers");
const { registry } = await import("~/workers/queue-config");
const { createTestAccount, createTestUser } = await import("../factories");
const { waitUntil } = await import("../wait-until");

const CATEGORY = "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE";
const MERCHANTS = BATCH_MIN_MERCHANTS + 20;

let workers: Worker[];

beforeAll(() => {
  workers = startWorkers({
    "categorize-batch": registry["categorize-batch"],
    categorize: registry.categorize,
  });
});

afterAll(async () => {
  await stopWorkers(workers, 5_000);
  await closeQueues();
  getRedis().disconnect();
  await llm.close();
});

beforeEach(() => {
  llm.script.reset();
  llm.requests.length = 0;
  llm.batches.pollsToComplete = 1;
  llm.script.respondWith(answerEveryId(CATEGORY));
});

const merchantsIn = (request: ChatCompletionRequest) =>
  [...userPrompt(request).matchAll(/"merchant":"([^"]+)"/g)].map((m) => m[1]!);

const letters = (i: number) => {
  let s = "";
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
};

/** A long imported history: one transaction per merchant nobody has seen, none categorized yet. */
async function importHistory(brand: string, count = MERCHANTS) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db, user.id);
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    userId: user.id,
    accountId: account.id,
    providerTransactionId: randomUUID(),
    amount: "-12.00",
    direction: "DEBIT" as const,
    description: `POS DEBIT ${brand} ${letters(i)}VEN CO`,
    transactionDate: new Date("2024-03-01"),
  }));
  await db.transaction.createMany({ data: rows });
  await enqueueCategorize(
    user.id,
    rows.map((r) => r.id),
    `import-${randomUUID()}`,
  );
  return user.id;
}

const sources = async (userId: string) => {
  const rows = await db.transaction.groupBy({ by: ["categorySource"], where: { userId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.categorySource ?? "none", r._count]));
};

const waitingCount = (userId: string) =>
  db.transaction.count({ where: { userId, metadata: { path: ["llmRetry"], equals: true } } });

const requestsTo = (method: string, path: RegExp) =>
  llm.requests.filter((r) => r.method === method && path.test(r.path));

describe("a long history's first categorization through the Batch API", () => {
  it("uploads the unknown merchants, follows the batch, fills the cache and categorizes from it, with no direct call", async () => {
    llm.batches.pollsToComplete = 1_000_000;
    const userId = await importHistory("ZORBLAX");

    // While the batch runs: the offline model's answers are shown, every transaction waits for the LLM.
    await waitUntil(
      () => requestsTo("GET", /^\/v1\/batches\/.+/).length,
      (polls) => polls >= 2,
      30_000,
    );
    expect(await sources(userId)).toEqual({ MODEL: MERCHANTS });
    expect(await waitingCount(userId)).toBe(MERCHANTS);

    llm.batches.pollsToComplete = 0;
    await waitUntil(
      () => sources(userId),
      (s) => s.CACHE === MERCHANTS,
      30_000,
    );
    expect(await waitingCount(userId)).toBe(0);
    expect(llm.chatRequests()).toHaveLength(0);

    const [upload] = requestsTo("POST", /^\/v1\/files$/);
    expect(requestsTo("POST", /^\/v1\/batches$/)).toHaveLength(1);
    const lines = String((upload!.body as { file: string }).file)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { custom_id: string; url: string; body: ChatCompletionRequest });
    expect(lines).toHaveLength(Math.ceil(MERCHANTS / 50));
    expect(new Set(lines.flatMap((l) => merchantsIn(l.body))).size).toBe(MERCHANTS);

    // The lines ask exactly what a direct call asks: same system prompt, schema and temperature.
    await createLlmCategorizer(createLanguageModel()!).categorize([
      { key: "probe", displayName: "Probe", example: "PROBE", amount: "-1.00" },
    ]);
    const direct = llm.chatRequests()[0]!;
    expect(lines[0]!.url).toBe("/v1/chat/completions");
    expect(lines[0]!.body.response_format).toEqual(direct.response_format);
    expect(lines[0]!.body.messages![0]).toEqual(direct.messages![0]);
    expect(lines[0]!.body.temperature).toBe(direct.temperature);

    const cached = await db.merchantCategory.count({ where: { merchantKey: { startsWith: "zorblax " } } });
    expect(cached).toBe(MERCHANTS);
    const usage = await readLlmUsage(getRedis(), new Date().toISOString().slice(0, 10));
    expect(usage.batchCalls).toBe(lines.length);
    expect(usage.inputTokens).toBeGreaterThan(0);
    // Everything read: the uploaded and answer files are deleted at the provider.
    expect(requestsTo("DELETE", /^\/v1\/files\/.+/).length).toBeGreaterThanOrEqual(2);
  });

  it("falls back to direct calls when the batch fails, leaving nothing uncategorized", async () => {
    llm.batches.failNextBatch("Invalid input file");
    const userId = await importHistory("QUENTAR");

    await waitUntil(
      () => sources(userId),
      (s) => s.LLM === MERCHANTS,
      30_000,
    );
    expect(requestsTo("POST", /^\/v1\/batches$/)).toHaveLength(1);
    expect(await waitingCount(userId)).toBe(0);
    const asked = new Set(llm.chatRequests().flatMap(merchantsIn));
    expect(asked.size).toBe(MERCHANTS);
  });

  it("falls back to direct calls when the batch expires", async () => {
    llm.batches.pollsToComplete = 1_000_000;
    const userId = await importHistory("VELMORA");
    await waitUntil(
      () => requestsTo("GET", /^\/v1\/batches\/.+/).length,
      (polls) => polls >= 1,
      30_000,
    );
    const [created] = llm.batches.listBatches().data.filter((b) => b.status === "in_progress");
    llm.batches.expireBatch(created!.id);

    await waitUntil(
      () => sources(userId),
      (s) => s.LLM === MERCHANTS,
      30_000,
    );
    expect(await waitingCount(userId)).toBe(0);
  });

  it("categorizes a short import by direct calls, without a batch", async () => {
    const userId = await importHistory("TRELLWYN", 120);

    await waitUntil(
      () => sources(userId),
      (s) => s.LLM === 120,
      30_000,
    );
    expect(requestsTo("POST", /^\/v1\/(files|batches)$/)).toHaveLength(0);
    expect(llm.chatRequests()).toHaveLength(Math.ceil(120 / 50));
  });

  it("asks directly only about the merchants whose answer line was garbage", async () => {
    // Replies are taken in line order when the batch completes: the first line gets broken JSON.
    llm.script.garbage('{"results": [{"id": 0, "category": ');
    const userId = await importHistory("BRISKOLD");

    await waitUntil(
      () => sources(userId),
      (s) => (s.CACHE ?? 0) + (s.LLM ?? 0) === MERCHANTS,
      30_000,
    );
    const upload = requestsTo("POST", /^\/v1\/files$/)[0]!;
    const firstLine = JSON.parse(String((upload.body as { file: string }).file).split("\n")[0]!) as {
      body: ChatCompletionRequest;
    };
    const broken = new Set(merchantsIn(firstLine.body));
    const askedDirectly = new Set(llm.chatRequests().flatMap(merchantsIn));
    expect(askedDirectly).toEqual(broken);
    expect(await sources(userId)).toEqual({ CACHE: MERCHANTS - broken.size, LLM: broken.size });
    expect(await waitingCount(userId)).toBe(0);
  });
});
