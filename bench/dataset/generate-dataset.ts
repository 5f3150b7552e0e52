/**
 * The load benches' data set: 1,000 users and 1,000,000 transactions, one of the users with
 * 100,000 of them. Every history comes from the local Plaid server's generator (one consistent
 * life per seed: pay, bills, trips, refunds, pending card purchases), goes through Plaid's JSON
 * (`renderTransaction`) and our transform, and is written by `writeSyncChanges`, the bank sync's
 * own writer: the rows are what a first sync of each user's bank would have stored, and the
 * budgets' utilization what the budget-check job that sync enqueues stores. Only the HTTP paging
 * and the queue are skipped; the sync bench measures the paging on its own.
 */
import { INSTITUTIONS, BENCHMARK_INSTITUTION_ID, type LocalInstitution } from "~/local-services/plaid/institutions";
import { renderAccount, renderTransaction } from "~/local-services/plaid/render";
import { LocalItem } from "~/local-services/plaid/state/local-item";
import { encryptAccessToken, parseKeyring } from "~/server/bank/crypto/access-token-cipher";
import { transformAccount, transformTransaction } from "~/server/bank/providers/plaid/transform";
import { writeSyncChanges } from "~/server/bank/sync/write-sync-changes";
import { checkBudgets } from "~/server/budget/check-budgets";
import { seedCategories } from "~/server/categorize/seed-categories";
import { createDb, type Db } from "~/server/db";
import { hashPassword } from "~/server/user/password";
import { withoutTrigramIndexes } from "../trigram-indexes";

export const DATASET = {
  /** Part of the cached data set's name (dataset-template.ts): a new version is generated anew. */
  version: 2,
  users: 1_000,
  transactions: 1_000_000,
  /** The user issues 6 and 9 measure with: the local server's benchmark bank, newest 100,000. */
  bigUserTransactions: 100_000,
  password: "bench-password-2026",
  /** The app started on a clone must decrypt these access tokens with the same key. */
  encryptionKeys: "1:YmVuY2gtZGF0YXNldC1hY2Nlc3MtdG9rZW4ta2V5ISE=",
  timezone: "America/New_York",
} as const;

/** The n-th user's address; user 0 is the one with 100,000 transactions. */
export const datasetEmail = (n: number) => `bench-user-${String(n).padStart(4, "0")}@example.com`;

// Ordinary users get this much history, then keep their newest rows up to their share.
const ORDINARY_HISTORY_DAYS = 340;

function institutionOf(n: number): LocalInstitution {
  if (n === 0) return INSTITUTIONS.find((i) => i.institution_id === BENCHMARK_INSTITUTION_ID)!;
  const everyday = INSTITUTIONS.filter((i) => i.institution_id !== BENCHMARK_INSTITUTION_ID);
  return everyday[n % everyday.length]!;
}

/** How many rows user n keeps so that the whole set is exactly DATASET.transactions. */
export function shareOf(n: number): number {
  if (n === 0) return DATASET.bigUserTransactions;
  const rest = DATASET.transactions - DATASET.bigUserTransactions;
  const others = DATASET.users - 1;
  return Math.floor(rest / others) + (n <= rest % others ? 1 : 0);
}

/**
 * One user's bank as Plaid would report it on a first sync, newest `share` transactions. A quiet
 * life may not fill the share in ORDINARY_HISTORY_DAYS; that user gets the bank's full history.
 */
function bankOf(n: number, today: string) {
  const institution = institutionOf(n);
  const share = shareOf(n);
  const itemWith = (historyDays: number | undefined) =>
    new LocalItem(`bench-item-${n}`, institution, { seed: `bench-dataset/${n}`, today, webhook: null, historyDays });
  let item = itemWith(n === 0 ? undefined : ORDINARY_HISTORY_DAYS);
  if (item.ledger.size < share) item = itemWith(undefined);
  const ledger = [...item.ledger.values()];
  if (ledger.length < share) throw new Error(`user ${n}: the generator made ${ledger.length} rows, need ${share}`);
  ledger.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return {
    institution,
    itemId: item.itemId,
    accounts: item.accounts.map((account) => transformAccount(renderAccount(item, account))),
    added: ledger.slice(0, share).map((t) => transformTransaction(renderTransaction(t, false))),
  };
}

const PARALLEL_WRITES = 3;
const CURSOR = "bench-dataset";
const ATTEMPTS = 3;

/**
 * On a machine this busy a write can fail for reasons that are not its own (a connection that
 * waited past Prisma's maxWait, or was cut); writing a bank is idempotent, so it is tried again.
 */
async function withRetry(write: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
    }
  }
}

async function createUsers(db: Db): Promise<string[]> {
  const passwordHash = await hashPassword(DATASET.password);
  const emails = Array.from({ length: DATASET.users }, (_, n) => datasetEmail(n));
  await db.user.createMany({
    data: emails.map((email, n) => ({
      email,
      passwordHash,
      fullName: `Bench User ${n}`,
      emailVerified: new Date(),
      timezone: DATASET.timezone,
    })),
  });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  return emails.map((email) => idOf.get(email)!);
}

async function writeBank(db: Db, userId: string, bank: ReturnType<typeof bankOf>, today: string) {
  const keyring = parseKeyring(DATASET.encryptionKeys);
  const provider = "plaid";
  const connection = await db.bankConnection.upsert({
    where: { provider_providerItemId: { provider, providerItemId: bank.itemId } },
    create: {
      userId,
      provider,
      providerItemId: bank.itemId,
      accessTokenEncrypted: encryptAccessToken(`access-local-${bank.itemId}`, keyring),
      institutionId: bank.institution.institution_id,
      institutionName: bank.institution.name,
    },
    update: {},
    select: { id: true, syncCursor: true },
  });
  // What a dashboard shows against: an overall and a groceries budget, as a typical user has.
  if ((await db.budget.count({ where: { userId } })) === 0) {
    await db.budget.createMany({
      data: [
        { userId, name: "Everything", category: null, amount: "4000.00", startDate: new Date("2025-01-01") },
        { userId, name: "Groceries", category: "FOOD_AND_DRINK", amount: "700.00", startDate: new Date("2025-01-01") },
      ],
    });
  }
  if (connection.syncCursor !== CURSOR) {
    await writeSyncChanges(
      db,
      {
        userId,
        connectionId: connection.id,
        previousCursor: null,
        cursor: CURSOR,
        accounts: bank.accounts,
        added: bank.added,
        modified: [],
        removed: [],
      },
      // Written as the bank sent them, with the bank's categories: the data set serves the read benches,
      // and the categorizer running over a million rows would only slow its building.
      null,
    );
  }
  // What the budget-check job a first sync enqueues stores, from the oldest day it brought: every
  // period's utilization. In the app it has run long before anyone asks about a budget; without it
  // the first budget question would compute two years of periods itself.
  await checkBudgets(db, userId, { fromDay: bank.added.at(-1)?.date, now: asOf(today) });
}

/** A moment of `today` in the users' time zone (America/New_York): mid-morning there, as the analytics bench asks. */
const asOf = (today: string) => new Date(`${today}T15:00:00Z`);

/** Fills the (migrated, empty) database at `url`; `today` is the last day of every history. */
export async function generateDataset(url: string, today: string, progress: (line: string) => void) {
  const db = createDb(url);
  try {
    await seedCategories(db);
    const userIds = await createUsers(db);
    await withoutTrigramIndexes(url, async () => {
      // Banks are generated here (CPU) while Postgres writes the previous ones, a few at a time.
      const writing = new Set<Promise<void>>();
      for (let n = 0; n < userIds.length; n++) {
        const bank = bankOf(n, today);
        while (writing.size >= PARALLEL_WRITES) await Promise.race(writing);
        const write = withRetry(() => writeBank(db, userIds[n]!, bank, today)).finally(() => writing.delete(write));
        writing.add(write);
        if (n % 100 === 99) progress(`data set: ${n + 1} of ${userIds.length} users generated`);
      }
      await Promise.all(writing);
    });
  } finally {
    await db.$disconnect();
  }
}
