import { afterAll, describe, expect, it } from "vitest";
import { saveInsights } from "~/server/analytics/insight-store";
import { notifyInsight } from "~/server/analytics/notify-insight";
import { db } from "~/server/db";
import { setRule } from "~/server/notification/notification-rules";
import { closeQueues } from "~/server/queue/producers";
import { process as processInsights } from "~/workers/processors/insights";
import { createTestUser } from "../factories";
import { generateLedgerUser } from "../ledger-generator";

afterAll(() => closeQueues());

async function highInsight(userId: string, key: string) {
  const [stored] = await saveInsights(db, userId, [
    {
      insightType: "low_balance",
      dedupeKey: key,
      title: "Checking may run low before payday",
      description: "Your checking account is projected to drop below $50 on the 27th.",
      priority: "HIGH",
      data: { projectedLow: "42.10" },
    },
  ]);
  return stored!;
}

const insightNotifications = (userId: string) =>
  db.notification.findMany({
    where: { userId, type: "insight" },
    select: { channel: true, dedupeKey: true, title: true },
  });

describe("high-priority insights through the notification service", () => {
  it("tell the user once, even when raised twice at the same time", async () => {
    const user = await createTestUser(db);
    const insight = await highInsight(user.id, "low-balance:2026-03-27");
    await Promise.all([notifyInsight(db, user.id, insight), notifyInsight(db, user.id, insight)]);
    await notifyInsight(db, user.id, insight);
    expect(await insightNotifications(user.id)).toEqual([
      { channel: "IN_APP", dedupeKey: `insight:${insight.id}`, title: "Checking may run low before payday" },
    ]);
  });

  it("stay quiet when the user switched insight notifications off", async () => {
    const user = await createTestUser(db);
    await setRule(db, user.id, { type: "insight", enabled: false, channels: [] });
    await notifyInsight(db, user.id, await highInsight(user.id, "low-balance:2026-04-27"));
    expect(await insightNotifications(user.id)).toEqual([]);
  });

  it("the daily job notifies each new high-priority insight once, however often it runs", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { id: userId } = await generateLedgerUser(db, { seed: 62, timezone: "UTC", from: "2025-01-01", to: today });
    await processInsights({ userId });
    await processInsights({ userId });
    const high = await db.insight.findMany({ where: { userId, priority: "HIGH" }, select: { id: true } });
    const told = await insightNotifications(userId);
    expect(told.map((n) => n.dedupeKey).sort()).toEqual(high.map((i) => `insight:${i.id}`).sort());
  });
});
