import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { raiseDueDigests } from "~/server/notification/digests";
import { deliveryJobId } from "~/server/notification/enqueue-delivery";
import { redeliverPending } from "~/server/notification/redeliver-pending";
import { closeQueues, getQueue } from "~/server/queue/producers";
import { SCHEDULES, startSchedules } from "~/workers/schedules";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

let tokyo: { id: string };
let lateOwl: { id: string };

const digests = (userId: string) =>
  db.notification.findMany({
    where: { userId, type: { in: ["daily_summary", "weekly_report"] } },
    select: { dedupeKey: true, message: true },
    orderBy: { dedupeKey: "asc" },
  });

beforeAll(async () => {
  // 08:30 daily in Tokyo (UTC+9), weekly report on Wednesdays.
  tokyo = await createTestUser(db, { timezone: "Asia/Tokyo", currency: "JPY" });
  await db.userPreferences.update({
    where: { userId: tokyo.id },
    data: { dailySummaryTime: "08:30", weeklyReportDay: "WEDNESDAY" },
  });
  await db.notificationRule.create({
    data: { userId: tokyo.id, ruleType: "daily_summary", enabled: true, channels: [] },
  });
  const account = await createTestAccount(db, tokyo.id, { currency: "JPY" });
  const own = { userId: tokyo.id, accountId: account.id };
  await createTestTransaction(db, own, {
    amount: "-1200.00",
    date: "2026-03-17",
    category: "FOOD_AND_DRINK",
    currency: "JPY",
  });
  await createTestTransaction(db, own, {
    amount: "-800.00",
    date: "2026-03-16",
    category: "TRANSPORTATION",
    currency: "JPY",
  });
  await createTestTransaction(db, own, { amount: "-5000.00", date: "2026-03-09", category: "TRAVEL", currency: "JPY" });

  lateOwl = await createTestUser(db, { timezone: "America/New_York" });
  await db.userPreferences.update({ where: { userId: lateOwl.id }, data: { dailySummaryTime: "23:30" } });
  await db.notificationRule.create({
    data: { userId: lateOwl.id, ruleType: "daily_summary", enabled: true, channels: [] },
  });
  await db.notificationRule.create({
    data: { userId: lateOwl.id, ruleType: "weekly_report", enabled: false, channels: [] },
  });
});

afterAll(() => closeQueues());

describe("daily summary and weekly report", () => {
  it("wait for the user's own time in their time zone", async () => {
    // 07:00 in Tokyo on Wednesday 18 March.
    await raiseDueDigests(db, new Date("2026-03-17T22:00:00Z"));
    expect(await digests(tokyo.id)).toEqual([]);
  });

  it("arrive once at that time, however often the schedule runs", async () => {
    // 08:40 and 09:10 in Tokyo.
    expect(await raiseDueDigests(db, new Date("2026-03-17T23:40:00Z"))).toMatchObject({ daily: 1, weekly: 1 });
    expect(await raiseDueDigests(db, new Date("2026-03-18T00:10:00Z"))).toMatchObject({ daily: 0, weekly: 0 });
    const [daily, weekly] = await digests(tokyo.id);
    expect(daily!.dedupeKey).toBe("daily-summary:2026-03-18");
    expect(daily!.message).toBe(
      [
        "Yesterday (Mar 17) you spent ¥1,200 in 1 transaction.",
        "• Food and drink: ¥1,200",
        "This month so far: ¥7,000.",
      ].join("\n"),
    );
    expect(weekly!.dedupeKey).toBe("weekly-report:2026-03-18");
    expect(weekly!.message).toBe(
      [
        "From Mar 11 to Mar 17 you spent ¥2,000 in 2 transactions (the week before: ¥5,000).",
        "Where it went:",
        "• Food and drink: ¥1,200",
        "• Transportation: ¥800",
      ].join("\n"),
    );
  });

  it("are not sent hours late: two hours after the time has passed, the day is skipped", async () => {
    // 10:31 in Tokyo on Thursday; Thursday's summary was never sent.
    await raiseDueDigests(db, new Date("2026-03-19T01:31:00Z"));
    expect((await digests(tokyo.id)).map((d) => d.dedupeKey)).not.toContain("daily-summary:2026-03-19");
  });

  it("count a summary due at 23:30 and sent after midnight as the earlier day's", async () => {
    // 00:20 on 19 March in New York (UTC-4 since daylight saving began on 8 March).
    await raiseDueDigests(db, new Date("2026-03-19T04:20:00Z"));
    expect((await digests(lateOwl.id)).map((d) => d.dedupeKey)).toEqual(["daily-summary:2026-03-18"]);
  });
});

describe("redelivery of lost jobs", () => {
  it("enqueues a pending delivery whose job was lost, and leaves a queued one alone", async () => {
    const user = await createTestUser(db);
    const old = new Date(Date.now() - 10 * 60_000);
    const [lost] = await db.notification.createManyAndReturn({
      data: [
        { userId: user.id, type: "goal_achieved", channel: "TELEGRAM", dedupeKey: "g", message: "m", createdAt: old },
      ],
      select: { id: true },
    });
    expect(await redeliverPending(db)).toEqual({ requeued: 1 });
    expect(await getQueue("notify").getJob(deliveryJobId(lost!.id))).toBeDefined();
    expect(await redeliverPending(db)).toEqual({ requeued: 0 });
  });
});

describe("schedules", () => {
  it("are declared once however many workers start", async () => {
    await startSchedules();
    await startSchedules();
    const schedulers = await getQueue("alerts-schedule").getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(SCHEDULES.map((s) => s.id).sort());
  });
});
