/**
 * Decides whether a run of charges at one merchant is recurring — a regular interval and a
 * similar amount — and when the next one is due. Pure, so every cadence and edge case is tested
 * without a database. Dates are calendar days (YYYY-MM-DD), amounts signed minor units.
 */
import { medianMinor } from "./robust-stats";

export type Cadence = "weekly" | "biweekly" | "monthly" | "quarterly" | "yearly";

type CadenceRule = { cadence: Cadence; days: number; tolerance: number; minOccurrences: number };

const CADENCES: CadenceRule[] = [
  { cadence: "weekly", days: 7, tolerance: 1, minOccurrences: 4 },
  { cadence: "biweekly", days: 14, tolerance: 2, minOccurrences: 4 },
  { cadence: "monthly", days: 30, tolerance: 4, minOccurrences: 3 },
  { cadence: "quarterly", days: 91, tolerance: 10, minOccurrences: 3 },
  { cadence: "yearly", days: 365, tolerance: 15, minOccurrences: 2 },
];

/** Share of intervals that must fit the cadence, and of amounts within AMOUNT_SPREAD of the median. */
const REGULARITY = 0.75;
const AMOUNT_SPREAD = 0.3;
/** A price change smaller than this is rounding or tax noise, not a rise worth telling. */
const PRICE_RISE_MIN = 0.02;

export type SeriesShape = {
  cadence: Cadence;
  intervalDays: number;
  occurrences: number;
  typical: bigint;
  last: bigint;
  /** What the next charge will most likely be: the new price after a rise, else the typical amount. */
  expected: bigint;
  lastDate: string;
  nextExpectedDate: string;
  /** False when the series has missed more than one due date: it has probably ended. */
  active: boolean;
  priceRise: { from: bigint; to: bigint } | null;
};

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => dayString(dayNumber(day) + days);
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** `day` moved by whole months, landing on `anchorDay` (clamped to the month's length): the 31st → Feb 28. */
export function addMonths(day: string, months: number, anchorDay = Number(day.slice(8, 10))): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(anchorDay, last)).padStart(2, "0")}`;
}

/** The next due date after `from` for a series with this cadence. */
export function nextDueDate(from: string, cadence: Cadence, anchorDay: number): string {
  switch (cadence) {
    case "monthly":
      return addMonths(from, 1, anchorDay);
    case "quarterly":
      return addMonths(from, 3, anchorDay);
    case "yearly":
      return addMonths(from, 12, anchorDay);
    case "weekly":
      return addDays(from, 7);
    case "biweekly":
      return addDays(from, 14);
  }
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

function fitCadence(intervals: number[], occurrences: number): CadenceRule | null {
  const sorted = [...intervals].sort((a, b) => a - b);
  const mid = sorted[sorted.length >> 1]!;
  const rule = CADENCES.find((c) => Math.abs(mid - c.days) <= c.tolerance);
  if (!rule || occurrences < rule.minOccurrences) return null;
  // One missed or merged charge doubles an interval; that still reads as the same rhythm.
  const fits = intervals.filter((i) => [1, 2].some((k) => Math.abs(i - k * rule.days) <= rule.tolerance * k));
  return fits.length / intervals.length >= REGULARITY ? rule : null;
}

function similarAmounts(amounts: bigint[], typical: bigint): boolean {
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const limit = (abs(typical) * BigInt(Math.round(AMOUNT_SPREAD * 100))) / 100n;
  const close = amounts.filter((a) => abs(a - typical) <= limit).length;
  return close / amounts.length >= REGULARITY;
}

function detectPriceRise(amounts: bigint[]): { from: bigint; to: bigint } | null {
  if (amounts.length < 3) return null;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const last = abs(amounts.at(-1)!);
  const previous = abs(amounts.at(-2)!);
  const before = amounts.slice(0, -1).map(abs);
  const steadyBefore = before.every((a) => a === previous);
  const risen = (last - previous) * 100n >= previous * BigInt(PRICE_RISE_MIN * 100);
  return steadyBefore && risen ? { from: amounts.at(-2)!, to: amounts.at(-1)! } : null;
}

/**
 * `dates` ascending, one amount each. Same-day repeats count once (the later one), so two
 * coffees in a morning do not break a weekly rhythm.
 */
export function classifySeries(dates: string[], amounts: bigint[], today: string): SeriesShape | null {
  const byDay = new Map<string, bigint>();
  dates.forEach((d, i) => byDay.set(d, amounts[i]!));
  const days = [...byDay.keys()].sort();
  const values = days.map((d) => byDay.get(d)!);
  if (days.length < 2) return null;
  const intervals = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
  const rule = fitCadence(intervals, days.length);
  if (!rule) return null;
  const typical = medianMinor(values);
  const priceRise = detectPriceRise(values);
  if (!priceRise && !similarAmounts(values, typical)) return null;

  const lastDate = days.at(-1)!;
  const anchorDay = mostCommon(days.map((d) => Number(d.slice(8, 10))));
  const nextExpectedDate = nextDueDate(lastDate, rule.cadence, anchorDay);
  const last = values.at(-1)!;
  return {
    cadence: rule.cadence,
    intervalDays: rule.days,
    occurrences: days.length,
    typical,
    last,
    expected: priceRise ? last : typical,
    lastDate,
    nextExpectedDate,
    active: daysBetween(nextExpectedDate, today) <= rule.days + rule.tolerance,
    priceRise,
  };
}
