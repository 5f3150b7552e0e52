/**
 * "/spent food last month" → a category query and a date range in the user's calendar.
 * The period, when given, is the tail of the arguments; the month so far is the default.
 */
import { monthOf } from "~/server/time/calendar";
import { addDays } from "~/server/notification/local-clock";

export type SpentRange = { from: string; to: string; label: string };

function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7)); // weeks start on Monday
}

const thisMonth = (today: string): SpentRange => ({ from: monthOf(today).from, to: today, label: "this month" });

const PERIODS: { pattern: RegExp; range: (today: string, match: RegExpMatchArray) => SpentRange }[] = [
  { pattern: /^today$/, range: (t) => ({ from: t, to: t, label: "today" }) },
  { pattern: /^yesterday$/, range: (t) => ({ from: addDays(t, -1), to: addDays(t, -1), label: "yesterday" }) },
  { pattern: /^(this )?week$/, range: (t) => ({ from: weekStart(t), to: t, label: "this week" }) },
  {
    pattern: /^last week$/,
    range: (t) => ({ from: addDays(weekStart(t), -7), to: addDays(weekStart(t), -1), label: "last week" }),
  },
  { pattern: /^(this )?month$/, range: thisMonth },
  {
    pattern: /^last month$/,
    range: (t) => ({ ...monthOf(addDays(monthOf(t).from, -1)), label: "last month" }),
  },
  { pattern: /^(this )?year$/, range: (t) => ({ from: `${t.slice(0, 4)}-01-01`, to: t, label: "this year" }) },
  {
    pattern: /^(?:last )?(\d{1,3}) ?d(?:ays?)?$/,
    range: (t, m) => ({ from: addDays(t, -(Number(m[1]) - 1)), to: t, label: `the last ${Number(m[1])} days` }),
  },
];

export function parseSpentArgs(args: string, today: string): { category: string; range: SpentRange } {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const take of [3, 2, 1]) {
    if (words.length < take) continue;
    const tail = words.slice(-take).join(" ");
    for (const period of PERIODS) {
      const match = tail.match(period.pattern);
      if (match) return { category: words.slice(0, -take).join(" "), range: period.range(today, match) };
    }
  }
  return { category: words.join(" "), range: thisMonth(today) };
}
