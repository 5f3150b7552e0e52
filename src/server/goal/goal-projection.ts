/**
 * Progress and the projected completion date from the recent pace: what the goal gained over
 * the last 90 days (or since it began, if younger), extended in a straight line. No pace, or
 * a shrinking balance, gives no date rather than a misleading one.
 */
export const PACE_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function percentOf(current: bigint, target: bigint): number {
  if (target <= 0n || current <= 0n) return 0;
  return Number((current * 100n) / target);
}

/** The first day of the pace window ending today. */
export function paceWindowStart(today: string, goalStart: string): string {
  const windowStart = fromDayNumber(dayNumber(today) - PACE_WINDOW_DAYS + 1);
  return goalStart > windowStart ? goalStart : windowStart;
}

export function projectCompletion(input: {
  today: string;
  windowStart: string;
  /** Net gain within the window, minor units. */
  gained: bigint;
  current: bigint;
  target: bigint;
}): string | null {
  const remaining = input.target - input.current;
  if (remaining <= 0n) return input.today;
  if (input.gained <= 0n) return null;
  const windowDays = BigInt(Math.max(dayNumber(input.today) - dayNumber(input.windowStart) + 1, 1));
  // Ceiling division in integers: days = remaining / (gained / windowDays).
  const days = (remaining * windowDays + input.gained - 1n) / input.gained;
  return fromDayNumber(dayNumber(input.today) + Number(days));
}
