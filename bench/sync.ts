/**
 * Bank sync speed (issue 3): one sync of the local Plaid server's benchmark bank (about 100,000
 * transactions over two years) into Postgres, through the real sync code and the real `plaid`
 * SDK over HTTP. The local server runs in its own process, so serving the pages costs this
 * process nothing. Next to it: a plain COPY … FROM STDIN of the very same rows into the same,
 * emptied table, the fastest way Postgres takes rows in; their ratio says how much of the
 * database's own speed the sync keeps. Goals: ≥ 25,000 transactions/s, ratio ≥ 0.3.
 * Run alone: `npx tsx bench/sync.ts`; `npm run bench` calls run().
 */
import { pipeline } from "node:stream/promises";
import { Readable, Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { BENCHMARK_INSTITUTION_ID } from "~/local-services/plaid/institutions";
import { LOCAL_CLIENT_ID, LOCAL_SECRET } from "~/local-services/plaid/start-local-plaid-server";
import { decryptAccessToken, encryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { createPlaidApi } from "~/server/bank/providers/plaid/plaid-api";
import { PlaidProvider } from "~/server/bank/providers/plaid/plaid-provider";
import { syncConnection } from "~/server/bank/sync/sync-connection";
import type { SyncSource } from "~/server/bank/sync/sync-source";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { type Db, createDb } from "~/server/db";
import { withBenchDatabase } from "./bench-database";
import { type Metric, runWhenMain } from "./metric";
import { freePort, startService } from "./service-process";

const RATE_GOAL = 25_000;
const RATIO_GOAL = 0.3;
const MIN_EXPECTED = 90_000;
const TODAY = "2026-06-30";
const WARM_UP_INSTITUTION = "ins_109508";

/** The provider, with the time spent waiting on the bank (HTTP + SDK) added up. */
function timedSource(provider: PlaidProvider): SyncSource & { waitedMs: number } {
  const source = {
    waitedMs: 0,
    async getAccounts(accessToken: string) {
      return provider.getAccounts(accessToken);
    },
    async syncTransactions(accessToken: string, cursor: string | null, count: number) {
      const started = performance.now();
      try {
        return await provider.syncTransactions(accessToken, cursor, count);
      } finally {
        source.waitedMs += performance.now() - started;
      }
    },
  };
  return source;
}

async function connect(db: Db, provider: PlaidProvider, userId: string, institutionId: string) {
  const linked = await provider.exchangePublicToken(await provider.createSandboxPublicToken(institutionId));
  const connection = await db.bankConnection.create({
    data: {
      userId,
      provider: "plaid",
      providerItemId: linked.providerItemId,
      accessTokenEncrypted: encryptAccessToken(linked.accessToken),
      institutionName: institutionId,
    },
    select: { id: true },
  });
  return connection.id;
}

async function sync(db: Db, source: SyncSource, connectionId: string) {
  const outcome = await syncConnection(db, connectionId, "bench", {
    source,
    decryptAccessToken,
    categorize: categorizeDeps(),
  });
  if (outcome.status !== "synced") throw new Error(`sync ended ${outcome.status}`);
  return outcome;
}

/** The synced rows in COPY's text format, then an empty table again, then the same rows COPYed back in. */
async function copySameRows(url: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo("COPY transactions TO STDOUT")),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    await client.query("TRUNCATE transactions CASCADE");
    const started = performance.now();
    await client.query("BEGIN");
    const copy = client.query(copyFrom("COPY transactions FROM STDIN"));
    await pipeline(Readable.from(chunks), copy);
    await client.query("COMMIT");
    return { rows: Number(copy.rowCount), seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

async function measure(url: string, plaidUrl: string): Promise<Metric[]> {
  const db = createDb(url);
  try {
    const provider = new PlaidProvider(
      createPlaidApi({
        environment: "local",
        clientId: LOCAL_CLIENT_ID,
        secret: LOCAL_SECRET,
        localUrl: plaidUrl,
        timeoutMs: 60_000,
      }),
      { webhookUrl: null, clientName: "bench", environment: "local" },
    );
    const user = await db.user.create({ data: { email: "bench-sync@example.com" }, select: { id: true } });
    // A worker that has synced before: the SDK, Prisma and the sync code have run once.
    await sync(db, provider, await connect(db, provider, user.id, WARM_UP_INSTITUTION));
    await db.transaction.deleteMany({ where: { userId: user.id } });

    const connectionId = await connect(db, provider, user.id, BENCHMARK_INSTITUTION_ID);
    const source = timedSource(provider);
    const started = performance.now();
    const outcome = await sync(db, source, connectionId);
    const seconds = (performance.now() - started) / 1000;
    if (outcome.added < MIN_EXPECTED) throw new Error(`expected about 100,000 transactions, synced ${outcome.added}`);
    await db.$disconnect();

    const copy = await copySameRows(url);
    if (copy.rows !== outcome.added) throw new Error(`COPY wrote ${copy.rows} rows, the sync ${outcome.added}`);
    const rate = Math.round(outcome.added / seconds);
    const copyRate = Math.round(copy.rows / copy.seconds);
    const ratio = Math.round((rate / copyRate) * 100) / 100;
    const round = (s: number) => Math.round(s * 100) / 100;
    return [
      { name: "sync: transactions synced", value: outcome.added, unit: "tx", goal: null, met: null },
      { name: "sync: rate", value: rate, unit: "tx/s", goal: `>= ${RATE_GOAL}`, met: rate >= RATE_GOAL },
      { name: "sync: total time", value: round(seconds), unit: "s", goal: null, met: null },
      {
        name: "sync: of which paging the bank (HTTP + SDK)",
        value: round(source.waitedMs / 1000),
        unit: "s",
        goal: null,
        met: null,
      },
      { name: "sync: plain COPY of the same rows", value: copyRate, unit: "tx/s", goal: null, met: null },
      { name: "sync: plain COPY time", value: round(copy.seconds), unit: "s", goal: null, met: null },
      {
        name: "sync: rate / COPY rate",
        value: ratio,
        unit: "ratio",
        goal: `>= ${RATIO_GOAL}`,
        met: ratio >= RATIO_GOAL,
      },
    ];
  } finally {
    await db.$disconnect();
  }
}

export function run(): Promise<Metric[]> {
  return withBenchDatabase("sync", async (database) => {
    const port = await freePort();
    const plaid = await startService(
      "src/local-services/plaid/main.ts",
      ["--seed", "bench", "--today", TODAY],
      {
        ...process.env,
        PLAID_LOCAL_URL: `http://127.0.0.1:${port}`,
        PLAID_CLIENT_ID: LOCAL_CLIENT_ID,
        PLAID_SECRET: LOCAL_SECRET,
      },
      "local Plaid server on",
    );
    try {
      return await measure(database.url, `http://127.0.0.1:${port}`);
    } finally {
      await plaid.stop();
    }
  });
}

runWhenMain(import.meta, "sync", run);
