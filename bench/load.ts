/**
 * The app under load (issue 8): a production build served by `next start`, with its worker, on a
 * clone of the 1,000-user, 1,000,000-transaction data set (bench/dataset). 50 concurrent
 * clients (autocannon) call the tRPC procedures the dashboard and the transactions page call,
 * signed in through next-auth as real users of the data set: once as 50 different ordinary
 * users (about 900 transactions each), once all as the user with 100,000. Latency is taken from
 * every single response. Meanwhile the resident memory of web and worker is sampled, and
 * Postgres's buffer cache hit rate counted. Before the load, the web process's floor: its CPU per
 * request on its lightest route (web-floor.ts). Then the hot queries' DB time (hot-queries.ts) and
 * the dashboard in Chromium (dashboard-speed.ts) and a first bank sync (first-sync.ts), on the
 * same app and data. Goals: summary p95 ≤ 25 ms, list ≤ 25 ms,
 * search ≤ 50 ms, web RSS ≤ 350 MB, worker ≤ 250 MB; the architecture's API p95 < 500 ms and
 * cache hit rate > 80 %.
 * Run alone: `npx tsx bench/load.ts`; `npm run bench` calls run().
 */
import autocannon from "autocannon";
import { z } from "zod";
import { type AppServer, residentMegabytes } from "./app-server";
import { withClient } from "./bench-database";
import { measureDashboardSpeed } from "./dashboard-speed";
import { withDatasetApp } from "./dataset/dataset-app";
import { DATASET, datasetEmail } from "./dataset/generate-dataset";
import { measureFirstSync } from "./first-sync";
import { measureHotQueries } from "./hot-queries";
import { type Metric, formatTable, runWhenMain } from "./metric";
import { signInCookie } from "./sign-in";
import { measureWebFloor } from "./web-floor";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const TIMEOUT_SECONDS = 10;
const GOALS_MS = { summary: 25, list: 25, search: 50 } as const;
const WEB_RSS_GOAL_MB = 350;
const WORKER_RSS_GOAL_MB = 250;
const API_P95_GOAL_MS = 500;
const CACHE_HIT_GOAL = 80;
/** Merchants and words the generated histories contain, and typos of them (the fuzzy path). */
const SEARCHES = ["starbucks", "whole foods", "uber", "amazon", "shell", "netflix", "starbuks", "transfer", "target"];

type Procedure = keyof typeof GOALS_MS;

const trpcPath = (procedure: string, input?: unknown) =>
  `/api/trpc/${procedure}` +
  (input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

/** Every call a procedure's clients make cycles through these paths. */
const PATHS: Record<Procedure, string[]> = {
  summary: [trpcPath("transaction.categorySummary")],
  list: [trpcPath("transaction.list", { limit: 50 })],
  search: SEARCHES.map((query) => trpcPath("transaction.search", { query, limit: 25 })),
};

// What each answer must contain for the figure to count: a 200 with an empty or wrong body is a failure.
const trpcResult = (data: z.ZodType) => z.object({ result: z.object({ data: z.object({ json: data }) }) });
const ANSWERS: Record<Procedure, z.ZodType> = {
  summary: trpcResult(z.object({ categories: z.array(z.object({ spent: z.string() })).min(1) })),
  list: trpcResult(z.object({ items: z.array(z.object({ id: z.string() })).length(50) })),
  search: trpcResult(z.array(z.object({ id: z.string() }))),
};

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;

async function checkAnswers(appUrl: string, cookie: string) {
  for (const procedure of Object.keys(PATHS) as Procedure[]) {
    const response = await fetch(appUrl + PATHS[procedure][0], { headers: { cookie } });
    const body: unknown = await response.json();
    const parsed = ANSWERS[procedure].safeParse(body);
    if (!response.ok || !parsed.success)
      throw new Error(`${procedure}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** `seconds` of 50 clients calling `paths` as `cookies` (round robin); every response's latency in ms. */
async function hammer(appUrl: string, paths: string[], cookies: string[], seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: appUrl,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: TIMEOUT_SECONDS,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => {
              const n = next++;
              return { ...request, path: paths[n % paths.length]!, headers: { cookie: cookies[n % cookies.length]! } };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  // A request that timed out or failed took at least the timeout: counted so, the percentiles are a floor.
  for (let i = 0; i < result.errors + result.non2xx; i++) latencies.push(TIMEOUT_SECONDS * 1000);
  return { latencies: latencies.sort((a, b) => a - b), failed: result.errors + result.non2xx };
}

/** Peak resident memory of web and worker while `work` runs. */
async function whileSamplingMemory<T>(app: AppServer, work: () => Promise<T>) {
  const peak = { web: 0, worker: 0 };
  const sample = () => {
    peak.web = Math.max(peak.web, residentMegabytes(app.web.pid!));
    peak.worker = Math.max(peak.worker, residentMegabytes(app.worker.pid!));
  };
  const timer = setInterval(sample, 250);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
    sample();
  }
}

/** Waits until Postgres has finished what clients that gave up left running, so it does not slow the next figure. */
function databaseSettled(url: string) {
  return withClient(url, async (client) => {
    for (let waited = 0; waited < 120_000; waited += 500) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
      );
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
}

function bufferCacheCounters(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ hit: string; read: string }>(
      "SELECT blks_hit::text AS hit, blks_read::text AS read FROM pg_stat_database WHERE datname = current_database()",
    );
    return { hit: Number(rows[0]!.hit), read: Number(rows[0]!.read) };
  });
}

type Population = { label: string; cookies: string[] };

async function measureLoad(app: AppServer, databaseUrl: string, populations: Population[]) {
  const metrics: Metric[] = [];
  const all: number[] = [];
  const before = await bufferCacheCounters(databaseUrl);
  const { peak } = await whileSamplingMemory(app, async () => {
    for (const { label, cookies } of populations) {
      for (const procedure of Object.keys(PATHS) as Procedure[]) {
        await hammer(app.url, PATHS[procedure], cookies, WARM_UP_SECONDS);
        const { latencies, failed } = await hammer(app.url, PATHS[procedure], cookies, SECONDS);
        await databaseSettled(databaseUrl);
        all.push(...latencies);
        const goal = GOALS_MS[procedure];
        const p95 = percentile(latencies, 95);
        metrics.push(
          { name: `load: ${procedure} p95, ${label}`, value: p95, unit: "ms", goal: `<= ${goal}`, met: p95 <= goal },
          {
            name: `load: ${procedure} p99, ${label}`,
            value: percentile(latencies, 99),
            unit: "ms",
            goal: null,
            met: null,
          },
          {
            name: `load: ${procedure} failed or timed out, ${label}`,
            value: failed,
            unit: "requests",
            goal: "0",
            met: failed === 0,
          },
          {
            name: `load: ${procedure} requests/s, ${label}`,
            value: Math.round(latencies.length / SECONDS),
            unit: "req/s",
            goal: null,
            met: null,
          },
        );
      }
    }
  });
  const after = await bufferCacheCounters(databaseUrl);
  const hits = after.hit - before.hit;
  const hitRate = Math.round((hits / (hits + after.read - before.read)) * 1000) / 10;
  const apiP95 = percentile(
    all.sort((a, b) => a - b),
    95,
  );
  metrics.push(
    {
      name: "load: web RSS, peak",
      value: peak.web,
      unit: "MB",
      goal: `<= ${WEB_RSS_GOAL_MB}`,
      met: peak.web <= WEB_RSS_GOAL_MB,
    },
    {
      name: "load: worker RSS, peak",
      value: peak.worker,
      unit: "MB",
      goal: `<= ${WORKER_RSS_GOAL_MB}`,
      met: peak.worker <= WORKER_RSS_GOAL_MB,
    },
    {
      name: "architecture: API p95, every load request",
      value: apiP95,
      unit: "ms",
      goal: `< ${API_P95_GOAL_MS}`,
      met: apiP95 < API_P95_GOAL_MS,
    },
    {
      name: "architecture: Postgres buffer cache hit rate under load",
      value: hitRate,
      unit: "%",
      goal: `> ${CACHE_HIT_GOAL}`,
      met: hitRate > CACHE_HIT_GOAL,
    },
  );
  return metrics;
}

const progress = (line: string) => console.error(line);

async function measure(app: AppServer, databaseUrl: string, generatedSeconds: number | null): Promise<Metric[]> {
  const ordinary: string[] = [];
  for (let n = 1; n <= CONNECTIONS; n++) ordinary.push(await signInCookie(app.url, datasetEmail(n), DATASET.password));
  const big = await signInCookie(app.url, datasetEmail(0), DATASET.password);
  for (const cookie of [ordinary[0]!, big]) await checkAnswers(app.url, cookie);
  const floor = await measureWebFloor(app);
  const load = await measureLoad(app, databaseUrl, [
    { label: `${CONNECTIONS} users`, cookies: ordinary },
    { label: "the 100k-transaction user", cookies: [big] },
  ]);
  // Printed as soon as measured: a later part that fails to measure does not take these with it.
  progress(formatTable([{ bench: "load", seconds: 0, metrics: [...floor, ...load] }]));
  const newcomer = await signInCookie(app.url, datasetEmail(DATASET.users - 1), DATASET.password);
  return [
    ...(generatedSeconds === null
      ? []
      : [
          {
            name: "data set: generated (1,000 users, 1,000,000 tx)",
            value: generatedSeconds,
            unit: "s",
            goal: null,
            met: null,
          },
        ]),
    ...floor,
    ...load,
    ...(await measureAfterLoad(app, [
      () => measureHotQueries(databaseUrl),
      () => measureDashboardSpeed(app.url, big, ordinary[1]!, progress),
      () => measureFirstSync(app.url, newcomer),
    ])),
  ];
}

/**
 * The parts after the load, one after another, with the processes' memory meanwhile: the goals are
 * judged during the load, but a worker that syncs loads the bank SDK and the categorizer, and that
 * is memory a deployment must have too.
 */
async function measureAfterLoad(app: AppServer, parts: (() => Promise<Metric[]>)[]): Promise<Metric[]> {
  const { result, peak } = await whileSamplingMemory(app, async () => {
    const metrics: Metric[] = [];
    for (const part of parts) metrics.push(...(await part()));
    return metrics;
  });
  return [
    ...result,
    {
      name: "after the load: web RSS, peak (dashboard, first sync)",
      value: peak.web,
      unit: "MB",
      goal: null,
      met: null,
    },
    { name: "after the load: worker RSS, peak (first sync)", value: peak.worker, unit: "MB", goal: null, met: null },
  ];
}

export function run(): Promise<Metric[]> {
  return withDatasetApp("load", progress, measure);
}

runWhenMain(import.meta, "load", run);
