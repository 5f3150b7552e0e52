import { enqueue } from "~/server/queue/producers";

const BATCH = 500;

/**
 * New transactions go to the categorize queue in batches; the job id names the batch, so the
 * same sync (or import) re-enqueued after a crash adds no second job for it.
 */
export async function enqueueCategorize(userId: string, transactionIds: string[], origin: string) {
  for (let i = 0; i < transactionIds.length; i += BATCH) {
    await enqueue(
      "categorize",
      { userId, transactionIds: transactionIds.slice(i, i + BATCH) },
      { jobId: `categorize:${origin}:${i / BATCH}` },
    );
  }
}
