/** Waits for a categorize job to end, expects it to have succeeded, and returns what it did. */
import { expect } from "vitest";
import { getQueue } from "~/server/queue/producers";
import { waitUntil } from "../wait-until";

export type CategorizeJobResult = {
  categorized: number;
  bySource: Record<string, number>;
  llmMerchants: number;
  llmMissed: number;
  linkedTransfers: number;
  retryJobId: string | null;
};

export async function finishedCategorizeJob(jobId: string): Promise<CategorizeJobResult> {
  const job = await waitUntil(
    async () => {
      const found = await getQueue("categorize").getJob(jobId);
      return found && { job: found, state: await found.getState() };
    },
    (value) => value?.state === "completed" || value?.state === "failed",
    20_000,
  );
  expect(job!.job.failedReason).toBeUndefined();
  return (await getQueue("categorize").getJob(jobId))!.returnvalue as CategorizeJobResult;
}
