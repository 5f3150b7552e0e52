/**
 * The arithmetic of the cash-flow forecast, free of the database: a balance today, recurring
 * charges and income on their expected days, and everyday spending at the account's recent
 * daily rate. Amounts are integer minor units; the daily rate is applied as
 * round(total × day / observedDays), so no rounding error piles up over 90 days.
 */
import { type Cadence, addDays, daysBetween, nextDueDate } from "./classify-series";
import { divRound, median } from "./robust-stats";

export type ProjectionAccount = {
  accountId: string;
  currency: string;
  balance: bigint;
  /** Everyday (non-recurring) outflow over the observed days, positive. */
  variableOutflow: bigint;
  observedDays: number;
};

export type RecurringPlan = {
  accountId: string;
  name: string;
  kind: "income" | "bill" | "transfer";
  cadence: Cadence;
  nextExpectedDate: string;
  /** Signed minor units. */
  amount: bigint;
};

export type ScheduledEvent = {
  date: string;
  accountId: string;
  name: string;
  kind: RecurringPlan["kind"];
  amount: bigint;
};

/** Every occurrence of each plan in (today, today + days]. */
export function scheduleEvents(plans: RecurringPlan[], today: string, days: number): ScheduledEvent[] {
  const end = addDays(today, days);
  const tomorrow = addDays(today, 1);
  const events: ScheduledEvent[] = [];
  for (const plan of plans) {
    const anchorDay = Number(plan.nextExpectedDate.slice(8, 10));
    let overduePlaced = false;
    for (let due = plan.nextExpectedDate; due <= end; due = nextDueDate(due, plan.cadence, anchorDay)) {
      // A late charge is still coming, once: it lands tomorrow; older missed dates are not owed twice.
      if (due < tomorrow && overduePlaced) continue;
      overduePlaced ||= due < tomorrow;
      const date = due < tomorrow ? tomorrow : due;
      events.push({ date, accountId: plan.accountId, name: plan.name, kind: plan.kind, amount: plan.amount });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/** Daily closing balances for days 0..days (day 0 is today's balance). */
export function projectAccount(account: ProjectionAccount, events: ScheduledEvent[], today: string, days: number) {
  const byDay = new Map<number, bigint>();
  for (const event of events) {
    if (event.accountId !== account.accountId) continue;
    const day = daysBetween(today, event.date);
    byDay.set(day, (byDay.get(day) ?? 0n) + event.amount);
  }
  const balances: bigint[] = [];
  let scheduled = 0n;
  for (let day = 0; day <= days; day++) {
    scheduled += byDay.get(day) ?? 0n;
    const everyday =
      account.observedDays > 0 ? divRound(account.variableOutflow * BigInt(day), BigInt(account.observedDays)) : 0n;
    balances.push(account.balance + scheduled - everyday);
  }
  return balances;
}

/** z for an 80% two-sided interval. */
const Z80 = 1.2816;

/**
 * Half-width of the uncertainty band on day `day`, from the spread of weekly everyday spending:
 * spending weeks are treated as independent, so the spread grows with √weeks. Robust: the MAD of
 * the weekly totals (×1.4826 ≈ a standard deviation), so one big shopping week does not blow it up.
 */
export function bandHalfWidth(weeklyOutflows: bigint[], day: number): bigint {
  if (weeklyOutflows.length < 2 || day === 0) return 0n;
  const weeks = weeklyOutflows.map(Number);
  const center = median(weeks);
  const sigma = 1.4826 * median(weeks.map((w) => Math.abs(w - center)));
  return BigInt(Math.round(Z80 * sigma * Math.sqrt(day / 7)));
}

export function lowestPoint(balances: bigint[], today: string, untilDay = balances.length - 1) {
  let lowest = 0;
  for (let day = 1; day <= Math.min(untilDay, balances.length - 1); day++) {
    if (balances[day]! < balances[lowest]!) lowest = day;
  }
  return { date: addDays(today, lowest), balance: balances[lowest]!, day: lowest };
}
