import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usersDueForInsights } from "~/server/analytics/insights-schedule";
import { db } from "~/server/db";
import { closeQueues, getQueue } from "~/server/queue/producers";
import { process as processInsights } from "~/workers/processors/insights";
import { createTestUser } from "../factories";
import { generateLedgerUser } from "../ledger-generator";

/** An Etc/GMT zone where it is now 06:xx (IANA's Etc signs are inverted: Etc/GMT-5 is UTC+5). */
function zoneAtSixNow(): string {
  let offset = (6 - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

afterAll(() => closeQueues());

describe("who gets insights when", () => {
  it("picks the users whose local time is six in the morning, once per local day", async () => {
    const tokyo = await createTestUser(db, { timezone: "Asia/Tokyo" });
    const utc = await createTestUser(db, { timezone: "UTC" });
    // 21:30 UTC on March 14th is 06:30 on March 15th in Tokyo.
    const due = await usersDueForInsights(db, new Date("2026-03-14T21:30:00Z"));
    expect(due).toContainEqual({ userId: tokyo.id, jobId: `insights-${tokyo.id}-2026-03-15` });
    expect(due.map((d) => d.userId)).not.toContain(utc.id);
  });
});

describe("the insights job", () => {
  let userId: string;
  beforeAll(async () => {
    const today = new Date().toISOString().slice(0, 10);
    userId = (await generateLedgerUser(db, { seed: 61, timezone: zoneAtSixNow(), from: "2025-01-01", to: today })).id;
  });

  it("stores a user's insights once, however often it runs", async () => {
    const first = await processInsights({ userId });
    expect(first).toMatchObject({ created: expect.any(Number) });
    expect((first as { created: number }).created).toBeGreaterThan(0);
    expect(await db.insight.count({ where: { userId } })).toBe((first as { created: number }).created);
    expect(await processInsights({ userId })).toMatchObject({ created: 0 });
  });

  it("fans out to the users whose morning it is, one job each", async () => {
    const result = (await processInsights({})) as { queued: number };
    const jobs = await getQueue("insights").getJobs(["waiting", "delayed", "prioritized"]);
    const mine = jobs.filter((j) => j.data.userId === userId);
    expect(mine).toHaveLength(1);
    expect(result.queued).toBeGreaterThanOrEqual(1);
    await processInsights({});
    expect((await getQueue("insights").getJobs(["waiting"])).filter((j) => j.data.userId === userId)).toHaveLength(1);
  });
});
