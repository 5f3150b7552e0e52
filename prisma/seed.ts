/**
 * The demo user, set up the way a real user would be: an account, then a bank connected
 * through the (local) Plaid flow — sandbox public token, exchange, sync — and its transactions
 * handed to the categorize queue. Idempotent: running it again changes nothing.
 * `npm run db:seed` (add `-- --json` for machine-readable credentials).
 */
import { connectSandboxBank } from "~/server/bank/connect-bank";
import { decryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { getBankProvider } from "~/server/bank/providers/get-bank-provider";
import { syncConnection } from "~/server/bank/sync/sync-connection";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { enqueueNewTransactions } from "~/server/categorize/enqueue-categorize";
import { linkTransfers } from "~/server/categorize/link-transfers";
import { seedCategories } from "~/server/categorize/seed-categories";
import { db } from "~/server/db";
import { closeQueues } from "~/server/queue/producers";
import { createUser } from "~/server/user/create-user";

export const DEMO_EMAIL = "demo@money-tracking.local";
export const DEMO_PASSWORD = "demo-password-2026";
const DEMO_INSTITUTION = "ins_109508";

async function demoUserId(): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) return existing.id;
  const user = await createUser(db, { email: DEMO_EMAIL, password: DEMO_PASSWORD, fullName: "Demo User" });
  await db.user.update({ where: { id: user.id }, data: { timezone: "America/New_York", emailVerified: new Date() } });
  return user.id;
}

export async function seedDemo(): Promise<{ email: string; password: string; transactions: number }> {
  await seedCategories(db);
  const userId = await demoUserId();
  if ((await db.bankConnection.count({ where: { userId } })) === 0) {
    const { connectionId } = await connectSandboxBank(db, userId, DEMO_INSTITUTION, null);
    // The worker would run this sync too; running it here means the demo opens with data in it.
    const outcome = await syncConnection(db, connectionId, "initial", {
      source: getBankProvider("plaid"),
      decryptAccessToken,
      categorize: categorizeDeps(),
    });
    if (outcome.status === "synced") {
      await linkTransfers(db, userId, outcome.newTransactionIds);
      await enqueueNewTransactions(userId, outcome, outcome.syncRunId);
    }
  }
  return {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    transactions: await db.transaction.count({ where: { userId } }),
  };
}

if (import.meta.filename === process.argv[1]) {
  seedDemo()
    .then(async (demo) => {
      console.log(
        process.argv.includes("--json")
          ? JSON.stringify(demo)
          : `Demo user ${demo.email} / ${demo.password} with ${demo.transactions} transactions`,
      );
      await closeQueues();
      await db.$disconnect();
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
