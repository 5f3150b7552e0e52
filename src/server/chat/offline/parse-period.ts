/**
 * Periods in a question, as calendar days in the user's time zone: "last month", "since March",
 * "in Q2 2025", "between Jan 5 and Feb 2", "the past 30 days", "this week". chrono-node reads the
 * dates; the relative spans chrono does not treat as spans (rolling windows, weeks, quarters,
 * bare years) are read here. The reference is the user's today, so "this month" is theirs.
 */
import * as chrono from "chrono-node";
import { monthOf } from "~/server/time/calendar";
import { addDays, addMonths } from "~/server/analytics/classify-series";

export type Period = { from: string; to: string };
type Found = Period & { index: number; end: number };

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const yearOf = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const quarterOf = (y: number, q: number) => ({ from: day(y, q * 3 - 2, 1), to: monthOf(day(y, q * 3, 1)).to });
const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

/** Monday-to-Sunday week containing `today`, shifted by `weeks`. */
function weekOf(today: string, weeks: number): Period {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(today, -weekday + weeks * 7);
  return { from, to: addDays(from, 6) };
}

function rolling(today: string, count: number, unit: string): Period {
  const from =
    unit === "day"
      ? addDays(today, -(count - 1))
      : unit === "week"
        ? addDays(today, -(count * 7 - 1))
        : addDays(addMonths(today, -(unit === "year" ? count * 12 : count)), 1);
  return { from, to: today };
}

/** The quarter numbered `q` that has begun most recently, when no year is given. */
function latestQuarter(today: string, q: number): Period {
  const year = Number(today.slice(0, 4));
  const candidate = quarterOf(year, q);
  return candidate.from <= today ? candidate : quarterOf(year - 1, q);
}

type Rule = { pattern: RegExp; period: (m: RegExpExecArray, today: string) => Period | null };

// Relative months and years are read here, not by chrono: from March 31st chrono's "last month"
// is February 31st, which JavaScript rolls over to March 3rd.
const RULES: Rule[] = [
  { pattern: /\b(?:this|current)\s+month\b/g, period: (_m, today) => monthOf(today) },
  { pattern: /\b(?:last|previous|past)\s+month\b/g, period: (_m, today) => monthOf(addMonths(today, -1, 1)) },
  { pattern: /\b(?:this|current)\s+year\b/g, period: (_m, today) => yearOf(Number(today.slice(0, 4))) },
  {
    pattern: /\b(?:last|previous|past)\s+year\b/g,
    period: (_m, today) => yearOf(Number(today.slice(0, 4)) - 1),
  },
  {
    pattern: /\b(?:last|past|previous)\s+(\d{1,3})\s+(day|week|month|year)s?\b/g,
    period: (m, today) => rolling(today, Number(m[1]), m[2]!),
  },
  { pattern: /\b(?:this|current)\s+week\b/g, period: (_m, today) => weekOf(today, 0) },
  { pattern: /\b(?:last|previous)\s+week\b/g, period: (_m, today) => weekOf(today, -1) },
  {
    pattern: /\b(?:year to date|ytd|this year so far)\b/g,
    period: (_m, today) => ({ from: `${today.slice(0, 4)}-01-01`, to: today }),
  },
  {
    pattern: /\bq([1-4])(?:\s*(?:of\s+)?(\d{4}))?\b/g,
    period: (m, today) => (m[2] ? quarterOf(Number(m[2]), Number(m[1])) : latestQuarter(today, Number(m[1]))),
  },
  {
    pattern: /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b/g,
    period: (m, today) => {
      const q = ORDINALS[m[1]!]!;
      return m[2] ? quarterOf(Number(m[2]), q) : latestQuarter(today, q);
    },
  },
];

function ruleMatches(text: string, today: string): Found[] {
  const found: Found[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const period = rule.period(m as RegExpExecArray, today);
      if (period) found.push({ ...period, index: m.index!, end: m.index! + m[0].length });
    }
  }
  return found;
}

/** A chrono component as a period: a day, a month, or a year, whichever it is certain of. */
function componentPeriod(c: chrono.ParsedComponents, today: string): Period {
  const y = c.get("year")!;
  const m = c.get("month")!;
  const d = c.get("day")!;
  if (c.isCertain("day")) return { from: day(y, m, d), to: day(y, m, d) };
  if (c.isCertain("month")) {
    // "in November" asked in March means last November.
    const year = !c.isCertain("year") && day(y, m, 1) > today ? y - 1 : y;
    return monthOf(day(year, m, 1));
  }
  return yearOf(y);
}

function chronoMatches(text: string, today: string): Found[] {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  // Local noon of the user's day: chrono reasons in the process's local time, and only the
  // date components are read back, so the process's own time zone cannot shift the day.
  const reference = new Date(y, m - 1, d, 12);
  return chrono.en.parse(text, reference).map((r) => {
    const start = componentPeriod(r.start, today);
    const end = r.end ? componentPeriod(r.end, today) : start;
    return { from: start.from, to: end.to, index: r.index, end: r.index + r.text.length };
  });
}

function bareYears(text: string): Found[] {
  return [...text.matchAll(/\b(?:in|during|for|of|year)\s+((?:19|20)\d{2})\b/g)].map((m) => ({
    ...yearOf(Number(m[1])),
    index: m.index! + m[0].length - 4,
    end: m.index! + m[0].length,
  }));
}

/** Every period mentioned, in the order they appear; "since X" and "between X and Y" are joined. */
export function parsePeriods(question: string, today: string): Period[] {
  const text = question.toLowerCase();
  const candidates = [...ruleMatches(text, today), ...chronoMatches(text, today), ...bareYears(text)].sort(
    (a, b) => a.index - b.index || b.end - a.end,
  );
  const found: Found[] = [];
  for (const c of candidates) if (!found.some((f) => c.index < f.end && f.index < c.end)) found.push(c);

  const periods: Period[] = [];
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    const before = text.slice(Math.max(0, current.index - 12), current.index);
    const next = found[i + 1];
    if (/\b(since|after|starting)\s+(the\s+)?$/.test(before)) {
      periods.push({ from: current.from, to: today });
    } else if (
      /\b(between|from)\s+(the\s+)?$/.test(before) &&
      next &&
      /^\s*(and|to|until|till|-)\s*(the\s+)?$/.test(text.slice(current.end, next.index))
    ) {
      periods.push({ from: current.from, to: next.to });
      i++;
    } else {
      periods.push({ from: current.from, to: current.to });
    }
  }
  return periods.filter((p) => p.from <= p.to);
}

export function parsePeriod(question: string, today: string): Period | null {
  return parsePeriods(question, today)[0] ?? null;
}

/** The period just before `period`, of the same kind: the previous month, year, or same-length span. */
export function previousPeriod(period: Period): Period {
  const month = monthOf(period.from);
  if (period.from === month.from && period.to === month.to) return monthOf(addMonths(period.from, -1, 1));
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return yearOf(Number(year) - 1);
  const length = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const short = (d: string) =>
  `${MONTHS[Number(d.slice(5, 7)) - 1]!.slice(0, 3)} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;

/** "in March 2026", "in 2025", "in Q2 2025", "on Mar 3, 2026", "from Jan 5, 2026 to Feb 2, 2026". */
export function describePeriod(period: Period, today: string): string {
  const month = monthOf(period.from);
  if (period.from === month.from && (period.to === month.to || (period.to === today && today <= month.to))) {
    const name = `${MONTHS[Number(period.from.slice(5, 7)) - 1]} ${period.from.slice(0, 4)}`;
    return month.from === monthOf(today).from ? `this month (${name})` : `in ${name}`;
  }
  const year = Number(period.from.slice(0, 4));
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return `in ${year}`;
  for (let q = 1; q <= 4; q++) {
    const quarter = quarterOf(year, q);
    if (quarter.from === period.from && quarter.to === period.to) return `in Q${q} ${year}`;
  }
  if (period.from === period.to) return period.from === today ? "today" : `on ${short(period.from)}`;
  return period.to === today ? `since ${short(period.from)}` : `from ${short(period.from)} to ${short(period.to)}`;
}
