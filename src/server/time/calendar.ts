/**
 * Bank dates are calendar days with no time zone (stored as Postgres DATE, read by Prisma as
 * UTC midnight). "This month" is the user's month, computed in their time zone.
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

export const calendarDate = z.iso.date();

export function toCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromCalendarDate(day: string): Date {
  return new Date(`${calendarDate.parse(day)}T00:00:00.000Z`);
}

/** Today's date where the user is. */
export function todayIn(timezone: string, now = new Date()): string {
  const local = new TZDate(now, timezone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/** First and last day of the month containing `day` (YYYY-MM-DD), inclusive. */
export function monthOf(day: string): { from: string; to: string } {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, "0")}` };
}

export const isValidTimezone = (timezone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
};

export const timezoneSchema = z.string().refine(isValidTimezone, "Unknown time zone");
