export const PERIOD_LABELS = { WEEKLY: "Weekly", MONTHLY: "Monthly", YEARLY: "Yearly" } as const;

export const ROLLOVER_LABELS = {
  NONE: "No rollover",
  UNSPENT: "Unspent money rolls over",
  UNSPENT_AND_OVERSPENT: "Leftovers and overspending roll over",
} as const;

/** Amber from 80 %, red from 100 %: the same points as the default alerts. */
export function usageTone(percent: number | null): string {
  if (percent === null || percent >= 100) return "bg-destructive";
  if (percent >= 80) return "bg-amber-500";
  return "bg-primary";
}
