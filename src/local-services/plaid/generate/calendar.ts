/** Calendar days as "YYYY-MM-DD" strings: a bank's dates carry no time zone. */
const DAY_MS = 86_400_000;

// Generating 100,000 transactions asks for the same few hundred dates over and over.
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();

export function toDayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    dayNumbers.set(date, day);
  }
  return day;
}

export function fromDayNumber(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (toDayNumber(date) + 4) % 7;
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function daysInMonth(date: string): number {
  const year = Number(date.slice(0, 4));
  return new Date(Date.UTC(year, monthOf(date), 0)).getUTCDate();
}

/** "03/14", the way card descriptors print the transaction day. */
export function monthDay(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}`;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
