/**
 * A budget's periods are anchored on its start date: a monthly budget starting on the 15th runs
 * 15th–14th, a weekly one runs from the start's weekday, a yearly one from its anniversary.
 * A start on the 29th–31st is clamped to shorter months (Jan 31 → Feb 28 → Mar 31), each
 * period computed from the anchor, never from the previous period, so no drift builds up.
 * Days are calendar dates (YYYY-MM-DD); "today" comes from the user's time zone.
 */
export type BudgetPeriodKind = "WEEKLY" | "MONTHLY" | "YEARLY";
export type PeriodRange = { index: number; start: string; end: string };

const DAY_MS = 86_400_000;

const parse = (day: string) => new Date(`${day}T00:00:00.000Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => format(new Date(parse(day).getTime() + days * DAY_MS));
const daysInMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

function addMonthsClamped(anchor: string, months: number): string {
  const date = parse(anchor);
  const total = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  return format(new Date(Date.UTC(year, month, day)));
}

function periodStart(kind: BudgetPeriodKind, anchor: string, index: number): string {
  switch (kind) {
    case "WEEKLY":
      return addDays(anchor, index * 7);
    case "MONTHLY":
      return addMonthsClamped(anchor, index);
    case "YEARLY":
      return addMonthsClamped(anchor, index * 12);
    default: {
      const never: never = kind;
      throw new Error(`unknown budget period ${String(never)}`);
    }
  }
}

/** The index of the period containing `day`; -1 when `day` is before the anchor. */
export function periodIndexOf(kind: BudgetPeriodKind, anchor: string, day: string): number {
  if (day < anchor) return -1;
  const a = parse(anchor);
  const d = parse(day);
  let estimate =
    kind === "WEEKLY"
      ? Math.floor((d.getTime() - a.getTime()) / (7 * DAY_MS))
      : (d.getUTCFullYear() - a.getUTCFullYear()) * 12 + d.getUTCMonth() - a.getUTCMonth();
  if (kind === "YEARLY") estimate = Math.floor(estimate / 12);
  while (estimate > 0 && periodStart(kind, anchor, estimate) > day) estimate--;
  return estimate;
}

/** The index-th period, cut short at the budget's end date when it has one. */
export function nthPeriod(kind: BudgetPeriodKind, anchor: string, index: number, endDate?: string | null): PeriodRange {
  const start = periodStart(kind, anchor, index);
  const end = addDays(periodStart(kind, anchor, index + 1), -1);
  return { index, start, end: endDate && endDate < end ? endDate : end };
}

/** Periods `from` through `to` (indexes, inclusive), stopping at the budget's end date. */
export function periodsBetween(
  kind: BudgetPeriodKind,
  anchor: string,
  from: number,
  to: number,
  endDate?: string | null,
): PeriodRange[] {
  const periods: PeriodRange[] = [];
  for (let index = Math.max(from, 0); index <= to; index++) {
    const period = nthPeriod(kind, anchor, index, endDate);
    if (endDate && period.start > endDate) break;
    periods.push(period);
  }
  return periods;
}

/** The last period that has begun by `today` (the current one, or the final one of an ended budget); -1 before the start. */
export function lastStartedIndex(kind: BudgetPeriodKind, anchor: string, today: string, endDate?: string | null) {
  const cappedDay = endDate && endDate < today ? endDate : today;
  return periodIndexOf(kind, anchor, cappedDay);
}
