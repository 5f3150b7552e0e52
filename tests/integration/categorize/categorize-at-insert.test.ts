/**
 * A bank sync and a file import categorize their new transactions as they write them: whatever
 * the user's history, rules, the global cache or the bank can answer is in the row from its
 * INSERT; only a merchant nobody knows waits for the categorize queue and the LLM. The categorize
 * worker still links transfers and runs the after-change hooks for every new transaction.
 */
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The local LLM server, named as the app's LLM before the app reads its environment.
const llm = await vi.hoisted(async () => (await import("../local-llm-env")).startLocalLlmAsAppLlm());

const { db } = await import("~/server/db");
const { closeQueues, getQueue } = await import("~/server/queue/producers");
const { encryptAccessToken } = await import("~/server/bank/crypto/access-token-cipher");
const { writeSyncChanges } = await import("~/server/bank/sync/write-sync-changes");
const { categorizeDeps } = await import("~/server/categorize/categorize-deps");
const { cleanMerchant } = await import("~/server/categorize/clean-merchant");
const { predictOffline } = await import("~/server/categorize/predict-offline");
const { enqueueNewTransactions } = await import("~/server/categorize/enqueue-categorize");
const { MAX_REQUEUES, requeueOverdueHooks } = await import("~/server/categorize/owed-hooks");
const { createRule } = await import("~/server/categorize/rules");
const { seedCategories } = await import("~/server/categorize/seed-categories");
const { commitImport } = await import("~/server/import/commit-import");
const { setCategory } = await import("~/server/transaction/edit-transactions");
const { startWorkers, stopWorkers } = await import("~/workers/start-workers");
const { registry } = await import("~/workers/queue-config");
const { createTestAccount, createTestUser } = await import("../factories");
const { answerEveryId } = await import("./local-llm-answers");
const { finishedCategorizeJob } = await import("./finished-categorize-job");

type SyncedTransaction = Parameters<typeof writeSyncChanges>[1]["added"][number];

const today = new Date().toISOString().slice(0, 10);
const offline = { cleanMerchant, predictOffline, llm: null };
const csv = (lines: string[]) => Buffer.from(["Date,Description,Amount", ...lines].join("\n") + "\n");

const rows = async (ids: string[]) =>
  db.transaction.findMany({
    where: { id: { in: ids } },
    orderBy: { description: "asc" },
    select: {
      id: true,
      description: true,
      merchantName: true,
      merchantKey: true,
      category: true,
      categoryDetailed: true,
      categorySource: true,
      categoryConfidence: true,
      userCategory: true,
      tags: true,
      transferPeerId: true,
      importBatchId: true,
    },
  });

const finished = finishedCategorizeJob;

/** A connection whose sync starts from no cursor, and one checking account at the bank. */
async function connectedUser() {
  const user = await createTestUser(db);
  const connection = await db.bankConnection.create({
    data: {
      userId: user.id,
      provider: "plaid",
      providerItemId: `item-${randomUUID()}`,
      accessTokenEncrypted: encryptAccessToken("access-test"),
      institutionName: "First Platypus Bank",
    },
    select: { id: true },
  });
  const account = {
    providerAccountId: `acc-${randomUUID()}`,
    name: "Checking",
    officialName: null,
    mask: "0000",
    type: "CHECKING" as const,
    currency: "USD",
    currentBalance: "1000.00",
    availableBalance: "1000.00",
  };
  return { userId: user.id, connectionId: connection.id, account };
}

function synced(
  account: { providerAccountId: string },
  description: string,
  amount: string,
  category: SyncedTransaction["category"] = null,
): SyncedTransaction {
  return {
    providerTransactionId: `tx-${randomUUID()}`,
    providerAccountId: account.providerAccountId,
    pendingTransactionId: null,
    amount,
    currency: "USD",
    date: today,
    postedDate: today,
    description,
    merchantName: null,
    pending: false,
    category,
  };
}

/** The connection's first sync: these transactions are all the bank has. */
const firstSync = (
  { userId, connectionId, account }: Awaited<ReturnType<typeof connectedUser>>,
  added: SyncedTransaction[],
  deps: Parameters<typeof writeSyncChanges>[2],
) =>
  writeSyncChanges(
    db,
    { userId, connectionId, previousCursor: null, cursor: "c1", accounts: [account], added, modified: [], removed: [] },
    deps,
  );

let workers: Worker[];
beforeAll(async () => {
  await seedCategories(db);
  workers = startWorkers({ categorize: registry.categorize });
});
afterAll(async () => {
  await stopWorkers(workers);
  await closeQueues();
  await llm.close();
});

describe("a bank sync categorizes what it writes", () => {
  it("a corrected merchant, a cached one and the bank's sure category are in the INSERT; an unknown merchant goes to the LLM; hooks run for all", async () => {
    llm.script.respondWith(answerEveryId("GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"));
    const connected = await connectedUser();
    const { userId, connectionId, account } = connected;
    // The user corrected a merchant once, on an imported transaction.
    const card = await createTestAccount(db, userId, { name: "Card" });
    const imported = await commitImport(db, { userId, accountId: card.id }, csv([`${today},ZEPHYR LOOM 0042,-8.00`]));
    const [first] = await db.transaction.findMany({ where: { importBatchId: imported.batchId }, select: { id: true } });
    // A merchant nobody knows, with an LLM configured: the import leaves it to the queue and the LLM.
    await expect(finished(`categorize:import-${imported.batchId}:0`)).resolves.toMatchObject({ llmMerchants: 1 });
    expect((await rows([first!.id]))[0]).toMatchObject({ categorySource: "LLM" });
    await setCategory(db, userId, { ids: [first!.id], category: "ENTERTAINMENT" });
    // Everyone's LLM answers taught the global cache another merchant.
    await db.merchantCategory.create({
      data: {
        merchantKey: cleanMerchant("QUILLON FOUNDRY").key,
        displayName: "Quillon Foundry",
        category: "HOME_IMPROVEMENT_HARDWARE",
        confidence: "0.88",
        source: "LLM",
      },
    });
    await createRule(db, userId, {
      name: "Work travel",
      enabled: true,
      conditions: { match: "all", conditions: [{ field: "description", operator: "contains", value: "foundry" }] },
      actions: { addTags: ["work"] },
    });
    llm.requests.length = 0;

    const added = [
      synced(account, "POS ZEPHYR LOOM 1234", "-12.00"),
      synced(account, "QUILLON FOUNDRY #88 PORTLAND OR", "-900.00"),
      synced(account, "GRANITE HALL 0193", "-40.00", {
        primary: "ENTERTAINMENT",
        detailed: "ENTERTAINMENT_CASINOS_AND_GAMBLING",
        confidenceLevel: "VERY_HIGH",
      }),
      synced(account, "MARROW ATELIER 77", "-25.00", {
        primary: "GENERAL_MERCHANDISE",
        detailed: null,
        confidenceLevel: "LOW",
      }),
    ];
    const written = await firstSync(connected, added, categorizeDeps());

    // Written categorized, before any job ran and with no LLM call.
    expect(llm.chatRequests()).toHaveLength(0);
    expect(written.newTransactionIds).toHaveLength(4);
    const [granite, marrow, zephyr, quillon] = await rows(written.newTransactionIds);
    expect(zephyr).toMatchObject({ category: "ENTERTAINMENT", categorySource: "HISTORY", merchantName: "Zephyr Loom" });
    expect(zephyr!.categoryConfidence?.toFixed(2)).toBe("1.00");
    expect(quillon).toMatchObject({
      category: "HOME_IMPROVEMENT",
      categoryDetailed: "HOME_IMPROVEMENT_HARDWARE",
      categorySource: "CACHE",
      merchantKey: cleanMerchant("QUILLON FOUNDRY").key,
      tags: ["work"],
    });
    expect(quillon!.categoryConfidence?.toFixed(2)).toBe("0.88");
    expect(granite).toMatchObject({
      categoryDetailed: "ENTERTAINMENT_CASINOS_AND_GAMBLING",
      categorySource: "PROVIDER",
    });
    expect(granite!.categoryConfidence?.toFixed(2)).toBe("0.95");
    // The unknown merchant keeps the bank's unsure guess only as a placeholder, and waits for the LLM.
    expect(written.uncategorizedTransactionIds).toEqual([marrow!.id]);
    expect(marrow).toMatchObject({ categorySource: "PROVIDER", merchantKey: null });

    const origin = randomUUID();
    // The hooks the other two are owed were written with them, and are settled once they ran.
    expect(written.owedHooks).toHaveLength(1);
    expect(new Set(written.owedHooks[0]!.transactionIds)).toEqual(new Set([zephyr!.id, quillon!.id, granite!.id]));
    expect(await db.transactionHooksOwed.count({ where: { userId } })).toBe(1);
    await enqueueNewTransactions(userId, written, origin);
    await expect(finished(`categorize:${origin}:0`)).resolves.toMatchObject({ categorized: 1, llmMerchants: 1 });
    await expect(finished(`categorize:owed-hooks:${written.owedHooks[0]!.id}`)).resolves.toMatchObject({
      categorized: 0,
    });
    expect(await db.transactionHooksOwed.count({ where: { userId } })).toBe(0);
    expect(llm.chatRequests()).toHaveLength(1);
    const [, marrowAfter, zephyrAfter] = await rows(written.newTransactionIds);
    expect(marrowAfter).toMatchObject({ category: "GENERAL_MERCHANDISE", categorySource: "LLM" });
    expect(zephyrAfter).toEqual(zephyr);

    // The hooks ran for the transactions categorized at insert: the 900 purchase raised its alert.
    const alerts = await db.notification.findMany({ where: { userId, type: "large_transaction" } });
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0])).toContain(quillon!.id);

    // The bank modifies a transaction the user has recategorized: the user's word and the
    // automatic category both stay, and nothing is queued for it.
    await setCategory(db, userId, { ids: [quillon!.id], category: "TRAVEL" });
    const modified = { ...added[1]!, amount: "-905.00" };
    const again = await writeSyncChanges(
      db,
      {
        userId,
        connectionId,
        previousCursor: "c1",
        cursor: "c2",
        accounts: [account],
        added: [],
        modified: [modified],
        removed: [],
      },
      categorizeDeps(),
    );
    expect(again).toMatchObject({
      newTransactionIds: [],
      uncategorizedTransactionIds: [],
      owedHooks: [],
      modifiedTransactionIds: [quillon!.id],
    });
    const [quillonAfter] = await rows([quillon!.id]);
    expect(quillonAfter).toEqual({ ...quillon, userCategory: "TRAVEL" });
  });

  it("hooks owed by a sync whose worker died after the commit are paid by the schedule, once", async () => {
    const connected = await connectedUser();
    const { userId, account } = connected;
    const written = await firstSync(
      connected,
      [synced(account, "QUILLON FOUNDRY #12 PORTLAND OR", "-950.00")],
      offline,
    );
    // The process died here: nothing was queued. Not yet overdue, the debt is left to its job.
    const [owed] = written.owedHooks;
    const mine = (jobs: { data: { userId: string } }[]) => jobs.filter((job) => job.data.userId === userId);
    await requeueOverdueHooks(db);
    expect(mine(await getQueue("categorize").getJobs())).toEqual([]);

    const later = new Date(Date.now() + 11 * 60_000);
    await requeueOverdueHooks(db, later);
    await expect(finished(`categorize:owed-hooks:${owed!.id}-requeued-${later.getTime()}`)).resolves.toMatchObject({
      categorized: 0,
    });
    expect(await db.notification.count({ where: { userId, type: "large_transaction" } })).toBe(1);
    expect(await db.transactionHooksOwed.count({ where: { userId } })).toBe(0);

    // The first job turns up after all (Redis was only slow): the debt is settled, nothing runs twice.
    await enqueueNewTransactions(userId, written, randomUUID());
    await expect(finished(`categorize:owed-hooks:${owed!.id}`)).resolves.toMatchObject({ status: "already settled" });
    expect(await db.notification.count({ where: { userId, type: "large_transaction" } })).toBe(1);
  });

  it("a debt that stays owed is queued again at most MAX_REQUEUES times, then left for an operator", async () => {
    const { userId } = await connectedUser();
    const owed = await db.transactionHooksOwed.create({ data: { userId, transactionIds: [randomUUID()] } });
    // Paused, the queue keeps every job unrun: as if each of them failed, the debt stays owed.
    const queue = getQueue("categorize");
    await queue.pause();
    const queuedFor = async () =>
      (await queue.getJobs()).filter((job) => (job.data as { owedHooksId?: string }).owedHooksId === owed.id);
    try {
      const overdue = Date.now() + 11 * 60_000;
      const round = (n: number) => requeueOverdueHooks(db, new Date(overdue + n * 5 * 60_000));
      for (let n = 0; n < MAX_REQUEUES; n++) await round(n);
      expect(await queuedFor()).toHaveLength(MAX_REQUEUES);
      const last = await round(MAX_REQUEUES);
      expect(await queuedFor()).toHaveLength(MAX_REQUEUES);
      expect(last.givenUp).toBeGreaterThanOrEqual(1);
      await expect(db.transactionHooksOwed.findUnique({ where: { id: owed.id } })).resolves.toMatchObject({
        requeues: MAX_REQUEUES,
      });
    } finally {
      for (const job of await queuedFor()) await job.remove();
      await queue.resume();
    }
  });
});

describe("an import categorizes what it writes", () => {
  it("with no LLM, the offline model answers at insert; the worker links transfers and runs hooks; a re-import adds and queues nothing", async () => {
    const user = await createTestUser(db);
    const checking = await createTestAccount(db, user.id, { name: "Checking" });
    const savings = await createTestAccount(db, user.id, { name: "Savings" });
    await createRule(db, user.id, {
      name: "Rent",
      enabled: true,
      conditions: { match: "all", conditions: [{ field: "description", operator: "startsWith", value: "rent" }] },
      actions: { setCategory: "RENT_AND_UTILITIES_RENT", addTags: ["home"] },
    });
    const file = csv([
      `${today},SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA,-4.50`,
      `${today},RENT MAPLE COURT,-1200.00`,
      `${today},ONLINE TRANSFER TO SAVINGS,-400.00`,
    ]);
    const result = await commitImport(db, { userId: user.id, accountId: checking.id }, file, {}, offline);
    const into = await commitImport(
      db,
      { userId: user.id, accountId: savings.id },
      csv([`${today},TRANSFER FROM CHECKING,400.00`]),
      {},
      offline,
    );

    const ids = (await db.transaction.findMany({ where: { userId: user.id }, select: { id: true } })).map((t) => t.id);
    const stored = await rows(ids);
    const byDescription = new Map(stored.map((row) => [row.description, row]));
    const coffee = byDescription.get("SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA")!;
    const expected = predictOffline({ description: coffee.description, amount: "-4.50" });
    expect(coffee).toMatchObject({
      categoryDetailed: expected.detailed,
      categorySource: "MODEL",
      merchantName: "Blue Bottle Coffee",
      merchantKey: "blue bottle coffee",
    });
    expect(coffee.categoryConfidence?.toFixed(2)).toBe(expected.confidence.toFixed(2));
    expect(byDescription.get("RENT MAPLE COURT")).toMatchObject({
      categoryDetailed: "RENT_AND_UTILITIES_RENT",
      categorySource: "RULE",
      tags: ["home"],
    });
    // Nothing waits for the LLM: each import queued only the job that pays its rows' hooks.
    const owedHooksJobs = async (batchId: string) => {
      const ids = new Set(stored.filter((row) => row.importBatchId === batchId).map((row) => row.id));
      const jobs = await getQueue("categorize").getJobs();
      return jobs.filter((job) => job.data.transactionIds.some((id: string) => ids.has(id)));
    };
    expect(await getQueue("categorize").getJob(`categorize:import-${result.batchId}:0`)).toBeUndefined();
    const [paying, ...more] = await owedHooksJobs(result.batchId);
    expect(more).toEqual([]);
    expect(paying!.data.owedHooksId).toEqual(expect.any(String));

    await finished(paying!.id!);
    await finished((await owedHooksJobs(into.batchId))[0]!.id!);
    const transfer = byDescription.get("ONLINE TRANSFER TO SAVINGS")!;
    const [linked] = await rows([transfer.id]);
    expect(linked).toMatchObject({
      transferPeerId: byDescription.get("TRANSFER FROM CHECKING")!.id,
      categoryDetailed: "TRANSFER_OUT_ACCOUNT_TRANSFER",
    });
    expect(await db.notification.count({ where: { userId: user.id, type: "large_transaction" } })).toBe(1);

    const again = await commitImport(db, { userId: user.id, accountId: checking.id }, file, {}, offline);
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    expect(await owedHooksJobs(again.batchId)).toEqual([]);
  });
});
