/**
 * Alert latency: from a transaction being written to the alert arriving at the (fake) Telegram
 * Bot API. Goal (issue 5): ≤ 2 s at p95.
 *
 * Three paths, each into a real worker process (`src/workers/index.ts`) that sends through
 * telegraf to the fake server:
 * - bank sync (the goal's own wording): the local Plaid server has a new purchase and a sync is
 *   enqueued, as its webhook does; the worker syncs, categorizes, raises the alert and sends it.
 *   The clock starts at the enqueue.
 * - large transaction / budget threshold: the row is committed, then `onTransactionsChanged` —
 *   the call the categorize step makes — raises the alert or enqueues `budget-check`.
 *
 * `npx tsx bench/alert-latency.ts` runs it alone; `npm run bench` calls run(). The app's modules
 * read their environment once, so the producing side runs in a child process (`--drive`) with
 * this bench's own database, Redis prefix and fake Telegram.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { startLocalPlaidServer } from "../src/local-services/plaid/start-local-plaid-server";
import { FakeTelegramServer } from "../src/local-services/telegram/fake-telegram-server";
import { type BenchDatabase, createBenchDatabase } from "./bench-database";
import { type Metric, runWhenMain } from "./metric";

const ROOT = path.resolve(import.meta.dirname, "..");
const GOAL_MS = 2000;
const SAMPLES = 40;
const TOKEN = "7000001:bench-token";
const FIRST_CHAT = 900_000;

const INSTITUTION = "ins_109508";

type Kind = "bank-sync" | "large-transaction" | "budget-threshold";
const KINDS: Kind[] = ["bank-sync", "large-transaction", "budget-threshold"];
const LABELS: Record<Kind, string> = {
  "bank-sync": "large transaction fetched by a bank sync",
  "large-transaction": "large transaction",
  "budget-threshold": "budget threshold (via budget-check)",
};
type Request = { kind: Kind; chatId: number };
type Reply = { chatId: number; writtenAt: number } | { error: string };

// ───────────────────────── the driver (child process) ─────────────────────────

/** Writes one transaction for a fresh linked user and hands it to the alert pipeline. */
async function drive() {
  const { db } = await import("~/server/db");
  const { onTransactionsChanged } = await import("~/server/notification/on-transactions-changed");
  const { todayIn, monthOf, fromCalendarDate } = await import("~/server/time/calendar");
  const today = todayIn("UTC");

  /** A bank connection whose history is stored; the bank then gets one new purchase and a sync is enqueued. */
  async function syncNewPurchase(userId: string): Promise<number> {
    const { plaidProvider } = await import("~/server/bank/providers/plaid/plaid-provider");
    const { encryptAccessToken, decryptAccessToken } = await import("~/server/bank/crypto/access-token-cipher");
    const { syncConnection } = await import("~/server/bank/sync/sync-connection");
    const { categorizeDeps } = await import("~/server/categorize/categorize-deps");
    const { enqueueSync } = await import("~/server/bank/enqueue-sync");
    const { env } = await import("~/server/env");
    const provider = plaidProvider();
    const linked = await provider.exchangePublicToken(await provider.createSandboxPublicToken(INSTITUTION));
    const { id: connectionId } = await db.bankConnection.create({
      data: {
        userId,
        provider: "plaid",
        providerItemId: linked.providerItemId,
        accessTokenEncrypted: encryptAccessToken(linked.accessToken),
      },
      select: { id: true },
    });
    await syncConnection(db, connectionId, "initial", {
      source: provider,
      decryptAccessToken,
      categorize: categorizeDeps(),
    });
    const added = await fetch(`${env.PLAID_LOCAL_URL}/__control/add-transactions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ item_id: linked.providerItemId, count: 1 }),
    });
    if (!added.ok) throw new Error(`local Plaid refused add-transactions: ${added.status}`);
    const enqueuedAt = Date.now();
    await enqueueSync(connectionId, "webhook");
    return enqueuedAt;
  }

  process.on("message", (request: Request) => {
    void (async () => {
      const user = await db.user.create({
        data: {
          email: `bench-${request.chatId}@example.com`,
          passwordHash: "bench",
          preferences: {
            create: {
              telegramChatId: String(request.chatId),
              // Every purchase is large: the one the bank adds must be announced, whatever its amount.
              ...(request.kind === "bank-sync" ? { largeTransactionThreshold: "0.01" } : {}),
            },
          },
        },
        select: { id: true },
      });
      if (request.kind === "bank-sync") {
        process.send!({ chatId: request.chatId, writtenAt: await syncNewPurchase(user.id) } satisfies Reply);
        return;
      }
      const account = await db.bankAccount.create({
        data: { userId: user.id, name: "Checking" },
        select: { id: true },
      });
      if (request.kind === "budget-threshold") {
        await db.budget.create({
          data: {
            userId: user.id,
            name: "Everything",
            amount: "100.00",
            startDate: fromCalendarDate(monthOf(today).from),
          },
        });
      }
      const amount = request.kind === "large-transaction" ? "-742.10" : "-85.00";
      const tx = await db.transaction.create({
        data: {
          userId: user.id,
          accountId: account.id,
          providerTransactionId: `bench-${request.chatId}`,
          amount,
          direction: "DEBIT",
          description: "BENCH STORE",
          category: "GENERAL_MERCHANDISE",
          transactionDate: fromCalendarDate(today),
        },
        select: { id: true },
      });
      const writtenAt = Date.now();
      await onTransactionsChanged(db, user.id, [tx.id]);
      process.send!({ chatId: request.chatId, writtenAt } satisfies Reply);
    })().catch((error: unknown) => process.send!({ error: String(error) } satisfies Reply));
  });
  process.send!({ chatId: 0, writtenAt: 0 } satisfies Reply);
}

// ───────────────────────── the bench (parent process) ─────────────────────────

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitForStart(child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (!output().includes("worker started")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measure(
  driver: ChildProcess,
  fake: FakeTelegramServer,
  kind: Kind,
  chatId: number,
  timeoutMs = 15_000,
): Promise<number> {
  fake.addChat(chatId);
  const reply = await new Promise<Reply>((resolve) => {
    driver.once("message", (message: Reply) => resolve(message));
    driver.send({ kind, chatId } satisfies Request);
  });
  if ("error" in reply) throw new Error(reply.error);
  const call = await fake.waitForCall(
    (c) => c.method === "sendMessage" && c.response.ok && Number(c.payload.chat_id) === chatId,
    timeoutMs,
  );
  return call.at - reply.writtenAt;
}

async function cleanUp(database: BenchDatabase) {
  await database.drop();
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const keys = await redis.keys(`${database.name}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

export async function run(): Promise<Metric[]> {
  const database = await createBenchDatabase("alerts");
  const fake = await FakeTelegramServer.start({ token: TOKEN, perChatIntervalMs: 1000 }).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  // Today's date, so the purchase it adds is recent enough to alert about; a short history keeps each first sync small.
  const bank = await startLocalPlaidServer({ seed: "alert-latency", historyDays: 14, automaticWebhooks: false });
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PLAID_ENV: "local",
    PLAID_LOCAL_URL: bank.url,
    // The database's random name doubles as this run's Redis prefix.
    REDIS_PREFIX: database.name,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    // A webhook secret keeps the worker from long-polling the fake; the bench needs no updates.
    TELEGRAM_WEBHOOK_SECRET: "bench",
    LOG_LEVEL: "warn",
  };
  let workerOutput = "";
  const worker = spawn(process.execPath, ["--import", "tsx", "src/workers/index.ts"], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: "info" },
  });
  worker.stdout.on("data", (c) => (workerOutput += c));
  worker.stderr.on("data", (c) => (workerOutput += c));
  const driver = fork(path.join(ROOT, "bench/alert-latency.ts"), ["--drive"], {
    cwd: ROOT,
    env,
    execArgv: ["--import", "tsx"],
  });
  try {
    await waitForStart(worker, () => workerOutput);
    await new Promise<void>((resolve) => driver.once("message", () => resolve()));
    let chat = FIRST_CHAT;
    // Warm-up: the worker loads each processor (and the categorizer its model) on its first job,
    // as it does once after a deploy.
    for (const kind of KINDS) await measure(driver, fake, kind, chat++, 90_000);
    const samples: Record<Kind, number[]> = { "bank-sync": [], "large-transaction": [], "budget-threshold": [] };
    for (let i = 0; i < SAMPLES; i++) {
      for (const kind of KINDS) samples[kind].push(await measure(driver, fake, kind, chat++));
    }
    return KINDS.flatMap((kind) => {
      const sorted = [...samples[kind]].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const label = LABELS[kind];
      return [
        {
          name: `alert-latency: ${label} → fake Telegram, p95`,
          value: p95,
          unit: "ms",
          goal: `<= ${GOAL_MS}`,
          met: p95 <= GOAL_MS,
        },
        {
          name: `alert-latency: ${label} → fake Telegram, p50`,
          value: percentile(sorted, 50),
          unit: "ms",
          goal: null,
          met: null,
        },
        {
          name: `alert-latency: ${label} → fake Telegram, max`,
          value: sorted.at(-1)!,
          unit: "ms",
          goal: null,
          met: null,
        },
      ];
    });
  } finally {
    driver.kill("SIGTERM");
    worker.kill("SIGTERM");
    await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once("exit", r)));
    await fake.stop();
    await bank.close();
    await cleanUp(database);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly && process.argv.includes("--drive")) void drive();
else runWhenMain(import.meta, "alert-latency", run);
