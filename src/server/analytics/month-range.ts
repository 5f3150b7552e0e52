import { monthOf } from "~/server/time/calendar";
import { addMonths } from "./classify-series";

/** The `months` calendar months ending with the one containing `day`, as inclusive days. */
export function monthsBack(day: string, months: number): { from: string; to: string } {
  const first = addMonths(monthOf(day).from, -(months - 1), 1);
  return { from: first, to: monthOf(day).to };
}

/** "2026-03" for each month from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  for (let day = monthOf(from).from; day <= to; day = addMonths(day, 1, 1)) result.push(day.slice(0, 7));
  return result;
}
