/**
 * Analytics and chat speed with 1,000,000 transactions in the table, 100,000 of them the asking
 * user's, in a throwaway Postgres database. Goals (issue 6): the offline engine's first streamed
 * token ≤ 300 ms; analytics procedures p95 ≤ 50 ms. Both are measured cold (the user's cache just
 * invalidated, as after a sync) and warm (cached), and reported separately.
 * Run alone: `npx tsx bench/analytics.ts`; `npm run bench` calls run().
 *
 * The rows are written here with `generate_series` (10 merchants, three years, two minutes to
 * seed). `BENCH_ANALYTICS_DATASET=1` measures instead on a copy of the load bench's data set
 * (`bench/dataset/`: bank-generated histories, hundreds of merchants), as its 100k user on the
 * day the histories end; that generates the data set first when there is none for this code.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { invalidateUserAnalytics } from "~/server/analytics/analytics-cache";
import { detectAnomalies } from "~/server/analytics/anomalies";
import { detectRecurring } from "~/server/analytics/detect-recurring";
import { forecastCashFlow } from "~/server/analytics/forecast";
import { listInsights } from "~/server/analytics/insight-store";
import { netWorthOverTime } from "~/server/analytics/net-worth";
import { spendingTrends } from "~/server/analytics/spending-trends";
import { streamChat } from "~/server/chat/stream-chat";
import { type Db, createDb } from "~/server/db";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";
import { withBenchDatabase, withClient, withDatabase } from "./bench-database";
import { cloneDataset } from "./dataset/dataset-template";
import { datasetEmail } from "./dataset/generate-dataset";
import { type Metric, runWhenMain } from "./metric";
import { withoutTrigramIndexes } from "./trigram-indexes";

const USER_ROWS = 100_000;
/** Salary (35 paid so far), rent and Netflix (36 each) from April 2023 to March 20th 2026. */
const RECURRING_ROWS = 35 + 36 + 36;
const OTHER_USERS = 90;
const OTHER_ROWS = 900_000;
const TTFT_GOAL_MS = 300;
const PROCEDURE_GOAL_MS = 50;
const WARM_CALLS = 30;
const NOW = new Date("2026-03-20T15:00:00Z");

const QUESTIONS = [
  "How much did I spend on groceries last month?",
  "What are my top 5 merchants this year?",
  "What was my biggest expense last month?",
  "Compare this month with last month",
  "How much income did I get this month?",
  "What bills are coming up?",
  "What subscriptions do I have?",
  "Will I go below zero before my next salary?",
  "How much did I spend at Whole Foods since March?",
  "How much budget do I have left?",
];

const MERCHANTS = [
  ["Whole Foods", "whole foods", "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"],
  ["Blue Bottle Coffee", "blue bottle coffee", "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE"],
  ["Uber", "uber", "TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"],
  ["Amazon", "amazon", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"],
  ["Shell", "shell", "TRANSPORTATION", "TRANSPORTATION_GAS"],
  ["Chipotle", "chipotle", "FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD"],
  ["Target", "target", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_SUPERSTORES"],
  ["CVS", "cvs", "MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"],
  ["AMC Theatres", "amc theatres", "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"],
  ["Delta", "delta", "TRAVEL", "TRAVEL_FLIGHTS"],
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => pg.escapeLiteral(v)).join(",")}]`;
const column = (i: number) => sqlArray(MERCHANTS.map((m) => m[i]!));

/** Everyday spending over three years (two accounts, two currencies), then salary, rent and subscriptions. */
async function loadUser(client: pg.Client, userId: string, accounts: { usd: string; card: string; eur: string }) {
  const days = 1095;
  await client.query(
    `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                               merchant_name, merchant_key, description, category, category_detailed,
                               transaction_date, status, created_at, updated_at)
     SELECT gen_random_uuid(), $1,
            CASE WHEN g % 10 = 0 THEN $4::uuid WHEN g % 3 = 0 THEN $2::uuid ELSE $3::uuid END,
            'bench:' || g, -(((g::bigint * 7919) % 12000) + 150) / 100.0,
            CASE WHEN g % 10 = 0 THEN 'EUR' ELSE 'USD' END, 'DEBIT',
            (${column(0)})[(g % 10) + 1], (${column(1)})[(g % 10) + 1],
            upper((${column(0)})[(g % 10) + 1]) || ' #' || (g % 997),
            (${column(2)})[(g % 10) + 1], (${column(3)})[(g % 10) + 1],
            DATE '2026-03-20' - ((g * 31) % $5::int), 'POSTED', now(), now()
       FROM generate_series(1, $6::int) g`,
    [userId, accounts.usd, accounts.card, accounts.eur, days, USER_ROWS - RECURRING_ROWS],
  );
  // Monthly salary, rent and a streaming subscription: what the forecast and the bills are built from.
  await client.query(
    `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                               merchant_name, merchant_key, description, category, category_detailed,
                               transaction_date, status, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, 'bench:' || r.key || ':' || m, r.amount, 'USD',
            CASE WHEN r.amount < 0 THEN 'DEBIT'::"Direction" ELSE 'CREDIT'::"Direction" END,
            r.name, r.key, upper(r.name), r.category, r.detailed,
            (DATE '2023-04-01' + make_interval(months => m) + (r.dom - 1) * INTERVAL '1 day')::date, 'POSTED', now(), now()
       FROM generate_series(0, 35) m,
            (VALUES ('ACME Payroll', 'acme payroll', 5200.00, 'INCOME', 'INCOME_WAGES', 25),
                    ('Parkside Apartments', 'parkside apartments', -2100.00, 'RENT_AND_UTILITIES', 'RENT_AND_UTILITIES_RENT', 1),
                    ('Netflix', 'netflix', -15.49, 'ENTERTAINMENT', 'ENTERTAINMENT_TV_AND_MOVIES', 3))
              AS r(name, key, amount, category, detailed, dom)
      WHERE DATE '2023-04-01' + make_interval(months => m) + (r.dom - 1) * INTERVAL '1 day' <= DATE '2026-03-20'`,
    [userId, accounts.usd],
  );
}

async function loadOthers(client: pg.Client, users: string[], accounts: string[]) {
  await client.query(
    `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                               merchant_name, merchant_key, description, category, category_detailed,
                               transaction_date, status, created_at, updated_at)
     SELECT gen_random_uuid(), ($1::uuid[])[(g % $3::int) + 1], ($2::uuid[])[(g % $3::int) + 1],
            'other:' || g, -(((g::bigint * 104729) % 20000) + 100) / 100.0, 'USD', 'DEBIT',
            (${column(0)})[(g % 10) + 1], (${column(1)})[(g % 10) + 1], upper((${column(0)})[(g % 10) + 1]),
            (${column(2)})[(g % 10) + 1], (${column(3)})[(g % 10) + 1],
            DATE '2026-03-20' - ((g * 17) % 1095), 'POSTED', now(), now()
       FROM generate_series(1, $4::int) g`,
    [users, accounts, users.length, OTHER_ROWS],
  );
}

/** Builds the data set. */
async function seed(url: string, db: Db): Promise<{ id: string; now: Date }> {
  const user = await db.user.create({
    data: { email: `bench-${randomUUID()}@example.com`, passwordHash: "bench", timezone: "America/New_York" },
    select: { id: true, email: true },
  });
  const account = (name: string, currency: string, type: "CHECKING" | "CREDIT", balance: string) =>
    db.bankAccount.create({
      data: { userId: user.id, name, currency, type, currentBalance: balance },
      select: { id: true },
    });
  const accounts = {
    usd: (await account("Checking", "USD", "CHECKING", "3250.00")).id,
    card: (await account("Visa", "USD", "CREDIT", "812.40")).id,
    eur: (await account("Compte", "EUR", "CHECKING", "940.00")).id,
  };
  await db.budget.create({
    data: {
      userId: user.id,
      name: "Groceries",
      category: "FOOD_AND_DRINK",
      amount: "900.00",
      startDate: new Date("2026-01-01"),
    },
  });
  const others = await Promise.all(
    Array.from({ length: OTHER_USERS }, async (_, i) => {
      const other = await db.user.create({
        data: { email: `bench-other-${i}-${randomUUID()}@example.com` },
        select: { id: true },
      });
      const acct = await db.bankAccount.create({ data: { userId: other.id, name: "Checking" }, select: { id: true } });
      return { user: other.id, account: acct.id };
    }),
  );
  await withoutTrigramIndexes(url, () =>
    withClient(url, async (client) => {
      await loadUser(client, user.id, accounts);
      await loadOthers(
        client,
        others.map((o) => o.user),
        others.map((o) => o.account),
      );
    }),
  );
  return { id: user.id, now: NOW };
}

/** The shared data set's 100k user, asking on the last day of the histories. */
async function datasetUser(url: string, db: Db): Promise<{ id: string; now: Date }> {
  const user = await db.user.findUniqueOrThrow({ where: { email: datasetEmail(0) }, select: { id: true } });
  const { rows } = await withClient(url, (c) =>
    c.query<{ last: string }>("SELECT max(transaction_date)::text AS last FROM transactions WHERE user_id = $1", [
      user.id,
    ]),
  );
  return { id: user.id, now: new Date(`${rows[0]!.last}T15:00:00Z`) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

/** Milliseconds from asking until the first text delta of the answer leaves the server. */
async function timeToFirstToken(db: Db, userId: string, question: string, now: Date): Promise<number> {
  const started = performance.now();
  const response = await streamChat(
    db,
    userId,
    { id: randomUUID(), message: { role: "user", parts: [{ type: "text", text: question }] } },
    { now, llm: null },
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  let first: number | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (first === null && seen.includes('"type":"text-delta"')) first = performance.now() - started;
  }
  if (first === null) throw new Error(`no text streamed for: ${question}`);
  return first;
}

async function measureChat(db: Db, userId: string, now: Date) {
  // A running server has parsed dates and compiled its regular expressions long before this
  // question; a fresh process pays that once (chrono's second parse alone takes ~200 ms), so warm up.
  for (let i = 0; i < 2; i++) await timeToFirstToken(db, userId, QUESTIONS[0]!, now);
  // The data set is a fresh copy of a template, so none of its pages is in Postgres's buffers: the
  // first question that reads the user's history pays for loading it, whichever it is. Reported
  // apart; the cold figures are measured after it, the analytics cache dropped before each question.
  const freshDatabase = (await askEachTwice(db, userId, now)).cold;
  return { freshDatabase, ...(await askEachTwice(db, userId, now)) };
}

/** Each question with the user's analytics cache just dropped, then again from the cache. */
async function askEachTwice(db: Db, userId: string, now: Date) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (const question of QUESTIONS) {
    await invalidateUserAnalytics(userId);
    cold.push(await timeToFirstToken(db, userId, question, now));
    warm.push(await timeToFirstToken(db, userId, question, now));
  }
  return { cold, warm };
}

/**
 * The services behind the analytics procedures, called as the procedures call them (the tRPC layer
 * adds only input parsing; it imports next-auth, which plain tsx cannot load outside Next).
 */
async function measureProcedures(db: Db, user: { id: string; now: Date }) {
  const { now } = user;
  const procedures: [string, () => Promise<unknown>][] = [
    ["spendingTrends", () => spendingTrends(db, user.id, { months: 12 }, now)],
    ["netWorth", () => netWorthOverTime(db, user.id, { months: 12 }, now)],
    ["anomalies", () => detectAnomalies(db, user.id, { days: 30 }, now)],
    ["forecast", () => forecastCashFlow(db, user.id, { days: 90 }, now)],
    ["recurring", () => detectRecurring(db, user.id, { today: now.toISOString().slice(0, 10) })],
    ["insights", () => listInsights(db, user.id)],
  ];
  const cold: Record<string, number> = {};
  const warm: number[] = [];
  for (const [name, call] of procedures) {
    await invalidateUserAnalytics(user.id);
    let started = performance.now();
    await call();
    cold[name] = Math.round(performance.now() - started);
    for (let i = 0; i < WARM_CALLS; i++) {
      started = performance.now();
      await call();
      warm.push(performance.now() - started);
    }
  }
  return { cold, warm };
}

export async function run(): Promise<Metric[]> {
  if (!process.env.BENCH_ANALYTICS_DATASET) {
    return withBenchDatabase("analytics", (database) => measure(database.url, seed));
  }
  const { database } = await cloneDataset("analytics", (line) => console.error(line));
  return withDatabase(database, () => measure(database.url, datasetUser));
}

async function measure(url: string, prepare: typeof seed): Promise<Metric[]> {
  const db = createDb(url);
  let userId: string | null = null;
  try {
    let started = performance.now();
    const user = await prepare(url, db);
    userId = user.id;
    const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
    const { rows } = await withClient(url, (c) =>
      c.query<{ n: string }>("SELECT COUNT(*)::text AS n FROM transactions"),
    );
    const mine = await db.transaction.count({ where: { userId: user.id } });
    if (Number(rows[0]!.n) !== USER_ROWS + OTHER_ROWS || mine !== USER_ROWS) {
      throw new Error(`expected ${USER_ROWS + OTHER_ROWS} rows (${USER_ROWS} the user's), got ${rows[0]!.n} (${mine})`);
    }

    started = performance.now();
    const chat = await measureChat(db, user.id, user.now);
    const procedures = await measureProcedures(db, user);
    const coldTtft = percentile(chat.cold, 95);
    const warmTtft = percentile(chat.warm, 95);
    const warmP95 = percentile(procedures.warm, 95);
    const coldWorst = Math.max(...Object.values(procedures.cold));
    return [
      {
        name: prepare === seed ? "analytics: seed 1,000,000 transactions" : "analytics: find the data set's 100k user",
        value: loadSeconds,
        unit: "s",
        goal: null,
        met: null,
      },
      {
        name: "chat offline: first token p95, cache cold",
        value: coldTtft,
        unit: "ms",
        goal: `<= ${TTFT_GOAL_MS}`,
        met: coldTtft <= TTFT_GOAL_MS,
      },
      {
        name: "chat offline: first token p95, cache cold, the database's first reads of the user",
        value: percentile(chat.freshDatabase, 95),
        unit: "ms",
        goal: null,
        met: null,
      },
      {
        name: "chat offline: first token p95, cache warm",
        value: warmTtft,
        unit: "ms",
        goal: `<= ${TTFT_GOAL_MS}`,
        met: warmTtft <= TTFT_GOAL_MS,
      },
      {
        name: "analytics procedures: p95, cached (6 procedures x 30 calls)",
        value: warmP95,
        unit: "ms",
        goal: `<= ${PROCEDURE_GOAL_MS}`,
        met: warmP95 <= PROCEDURE_GOAL_MS,
      },
      {
        name: "analytics procedures: slowest first call, cache cold",
        value: coldWorst,
        unit: "ms",
        goal: null,
        met: null,
      },
      // Each question's cold figure: which one sets the p95 above, and by how much.
      ...QUESTIONS.map((question, i) => ({
        name: `chat offline: first token, cache cold: ${question}`,
        value: Math.round(chat.cold[i]!),
        unit: "ms",
        goal: null,
        met: null,
      })),
      ...Object.entries(procedures.cold).map(([name, ms]) => ({
        name: `analytics procedures: ${name}, cache cold`,
        value: ms,
        unit: "ms",
        goal: null,
        met: null,
      })),
    ];
  } finally {
    await db.$disconnect();
    const redis = getRedis();
    const keys = userId ? await redis.keys(`${env.REDIS_PREFIX}:analytics:${userId}:*`).catch(() => []) : [];
    if (keys.length) await redis.del(...keys).catch(() => undefined);
    redis.disconnect();
  }
}

runWhenMain(import.meta, "analytics", run);
