import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/server/env";
import { PrismaClient } from "~/server/db/generated/client";

export type Db = PrismaClient;

export function createDb(databaseUrl = env.DATABASE_URL): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }),
    // Prisma's 5 s default for interactive transactions is too tight for a busy machine; a
    // transaction that really hangs is still cut off.
    transactionOptions: { timeout: 30_000, maxWait: 10_000 },
  });
}

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis there.
const globalForDb = globalThis as unknown as { db?: Db };
export const db: Db = globalForDb.db ?? createDb();
if (env.NODE_ENV !== "production") globalForDb.db = db;
