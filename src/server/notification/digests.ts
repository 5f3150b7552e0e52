/**
 * The daily summary (at the user's chosen time, in their time zone) and the weekly report (on
 * their chosen day, at the same time). A schedule runs this every few minutes; a digest is due
 * during the two hours after its time, so a worker that was down briefly still sends it, and the
 * dedupe keys daily-summary:<day> / weekly-report:<day> keep it to one.
 */
import type { Db } from "~/server/db";
import { formatDay } from "~/lib/format";
import { listBudgets } from "~/server/budget/budget-overview";
import { monthOf } from "~/server/time/calendar";
import { WEEKDAYS, addDays, localClock, minutesOf } from "./local-clock";
import { DEFAULT_RULES } from "./notification-types";
import { raiseNotification } from "./raise-notification";
import { describeSpending, describeTotal, spendingDigest, topCategoriesLines } from "./spending-digest";

export const DIGEST_WINDOW_MINUTES = 120;
const MINUTES_PER_DAY = 1440;

export async function raiseDueDigests(db: Db, now = new Date()): Promise<{ daily: number; weekly: number }> {
  const users = await db.user.findMany({
    where: { deletedAt: null },
    select: {
      id: true,
      timezone: true,
      locale: true,
      preferences: { select: { dailySummaryTime: true, weeklyReportDay: true } },
      notificationRules: {
        where: { ruleType: { in: ["daily_summary", "weekly_report"] } },
        select: { ruleType: true, enabled: true },
      },
    },
  });
  const raised = { daily: 0, weekly: 0 };
  for (const user of users) {
    const clock = localClock(now, user.timezone);
    const at = minutesOf(user.preferences?.dailySummaryTime ?? "09:00");
    const sinceDue = (clock.minutes - at + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    if (sinceDue >= DIGEST_WINDOW_MINUTES) continue;
    // A 23:30 summary still running at 00:20 belongs to the day it was due on.
    const day = clock.minutes < at ? addDays(clock.day, -1) : clock.day;
    const weekday = clock.minutes < at ? weekdayOf(day) : clock.weekday;
    const enabled = (type: "daily_summary" | "weekly_report") =>
      user.notificationRules.find((r) => r.ruleType === type)?.enabled ?? DEFAULT_RULES[type].enabled;

    if (enabled("daily_summary") && !(await known(db, user.id, `daily-summary:${day}`))) {
      if ((await raiseDailySummary(db, user, day)).length) raised.daily++;
    }
    if (enabled("weekly_report") && weekday === (user.preferences?.weeklyReportDay ?? "MONDAY")) {
      if (!(await known(db, user.id, `weekly-report:${day}`)) && (await raiseWeeklyReport(db, user, day)).length)
        raised.weekly++;
    }
  }
  return raised;
}

const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** Saves composing a digest that was already sent; the insert itself is still deduplicated. */
async function known(db: Db, userId: string, dedupeKey: string) {
  return (await db.notification.count({ where: { userId, dedupeKey, channel: "IN_APP" } })) > 0;
}

async function budgetLines(db: Db, userId: string): Promise<string[]> {
  const budgets = (await listBudgets(db, userId)).filter((b) => !b.archived && b.current);
  return budgets.map(
    (b) => `• ${b.name}: ${b.current!.percent === null ? "nothing left" : `${b.current!.percent} %`} used`,
  );
}

type Recipient = { id: string; locale: string };

export async function raiseDailySummary(db: Db, { id: userId, locale }: Recipient, day: string) {
  const yesterday = addDays(day, -1);
  const spent = await spendingDigest(db, userId, { from: yesterday, to: yesterday });
  const month = await spendingDigest(db, userId, { from: monthOf(day).from, to: day });
  const budgets = await budgetLines(db, userId);
  const lines = [
    `Yesterday (${formatDay(yesterday, locale)}) you spent ${describeSpending(spent, locale)}.`,
    ...topCategoriesLines(spent, locale),
    `This month so far: ${describeTotal(month, locale)}.`,
    ...(budgets.length ? ["Budgets:", ...budgets] : []),
  ];
  return raiseNotification(db, {
    userId,
    type: "daily_summary",
    dedupeKey: `daily-summary:${day}`,
    title: "Daily summary",
    message: lines.join("\n"),
  });
}

export async function raiseWeeklyReport(db: Db, { id: userId, locale }: Recipient, day: string) {
  const week = { from: addDays(day, -7), to: addDays(day, -1) };
  const spent = await spendingDigest(db, userId, week);
  const before = await spendingDigest(db, userId, { from: addDays(day, -14), to: addDays(day, -8) });
  const budgets = await budgetLines(db, userId);
  const lines = [
    `From ${formatDay(week.from, locale)} to ${formatDay(week.to, locale)} you spent ${describeSpending(spent, locale)} (the week before: ${describeTotal(before, locale)}).`,
    ...(spent.categories.length ? ["Where it went:", ...topCategoriesLines(spent, locale, 5)] : []),
    ...(budgets.length ? ["Budgets:", ...budgets] : []),
  ];
  return raiseNotification(db, {
    userId,
    type: "weekly_report",
    dedupeKey: `weekly-report:${day}`,
    title: "Weekly report",
    message: lines.join("\n"),
  });
}
