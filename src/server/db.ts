import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/server/env";
import { PrismaClient } from "~/server/db/generated/client";

export type Db = PrismaClient;

/**
 * Settings every connection starts with. Transaction search's `<%` (pg_trgm word similarity) reads
 * its threshold from the session: pg_trgm's default (0.6) misses one-letter typos in short words
 * ("starbuks"), 0.4 still rejects noise. Set once per connection, a search is one statement instead
 * of a transaction around `SET LOCAL` (four round trips).
 */
const CONNECTION_OPTIONS = [
  "-c pg_trgm.word_similarity_threshold=0.4",
  // JIT compilation pays off for queries running seconds; the app's run in tens to hundreds of
  // milliseconds, and compiling them cost more than it saved: grouping a year of a 100k-row
  // history took 300 ms with it and 170 ms without (docs/BENCHMARKS.md).
  "-c jit=off",
].join(" ");

/** The driver adapter every client of the app's database uses (the app's, and the benches' own). */
export const databaseAdapter = (databaseUrl: string) =>
  new PrismaPg({ connectionString: databaseUrl, options: CONNECTION_OPTIONS });

export function createDb(databaseUrl = env.DATABASE_URL): Db {
  return new PrismaClient({
    adapter: databaseAdapter(databaseUrl),
    // Prisma's 5 s default for interactive transactions is too tight for a busy machine; a
    // transaction that really hangs is still cut off.
    transactionOptions: { timeout: 30_000, maxWait: 10_000 },
  });
}

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis there.
const globalForDb = globalThis as unknown as { db?: Db };
export const db: Db = globalForDb.db ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.db = db;
