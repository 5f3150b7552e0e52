/**
 * The user's wall clock: quiet hours, the daily summary time and the weekly report day are all
 * set in the user's time zone (User.timezone), so every check converts "now" there first.
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 07:30");

export const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function minutesOf(time: string): number {
  const [hours, minutes] = clockTime.parse(time).split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

export type LocalClock = { day: string; minutes: number; weekday: Weekday };

export function localClock(now: Date, timezone: string): LocalClock {
  const local = new TZDate(now, timezone);
  const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  return { day, minutes: local.getHours() * 60 + local.getMinutes(), weekday: WEEKDAYS[local.getDay()]! };
}

/** The instant at which the user's clock shows `minutes` past midnight on `day`. */
export function instantAt(day: string, minutes: number, timezone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, Math.floor(minutes / 60), minutes % 60, timezone).getTime());
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** When quiet hours end, if `now` falls inside them (a window may wrap past midnight); otherwise null. */
export function quietUntil(
  now: Date,
  timezone: string,
  start: string | null | undefined,
  end: string | null | undefined,
): Date | null {
  if (!start || !end || start === end) return null;
  const { day, minutes } = localClock(now, timezone);
  const from = minutesOf(start);
  const to = minutesOf(end);
  const inside = from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  if (!inside) return null;
  return instantAt(minutes < to ? day : addDays(day, 1), to, timezone);
}
