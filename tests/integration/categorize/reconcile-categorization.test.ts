/** The daily reconcile finds what lost categorize jobs left undone, from the database alone. */
import { describe, expect, it } from "vitest";
import { reconcileCategorization } from "~/server/categorize/reconcile-categorization";
import { db } from "~/server/db";
import { closeQueues, getQueue } from "~/server/queue/producers";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

describe("reconciling categorization", () => {
  it("queues uncategorized and still-waiting transactions once they have settled, once a day", async () => {
    const user = await createTestUser(db);
    const own = { userId: user.id, accountId: (await createTestAccount(db, user.id)).id };
    const tx = (description: string, category?: string) =>
      createTestTransaction(db, own, { amount: "-9.00", date: "2026-05-01", description, category }).then((t) => t.id);
    const lost = await tx("LOST JOB CAFE");
    const waiting = await tx("LLM WAS DOWN DELI", "FOOD_AND_DRINK");
    const done = await tx("ALL GOOD BAKERY", "FOOD_AND_DRINK");
    await tx("JUST IMPORTED, ITS JOB STILL QUEUED");
    await db.transaction.update({ where: { id: waiting }, data: { metadata: { llmRetry: true } } });
    await db.$executeRaw`UPDATE transactions SET updated_at = now() - interval '9 hours' WHERE id = ANY(${[lost, waiting, done]}::uuid[])`;

    await expect(reconcileCategorization(db)).resolves.toEqual({ users: 1, transactions: 2 });
    await reconcileCategorization(db);

    const jobs = await getQueue("categorize").getJobs(["waiting"]);
    const mine = jobs.filter((job) => (job.data as { userId: string }).userId === user.id);
    expect(mine.map((job) => job.data)).toEqual([{ userId: user.id, transactionIds: [lost, waiting].sort() }]);
    await closeQueues();
  });
});
