/**
 * Budget arithmetic in integer minor units (bigint), so every figure is exact.
 *
 * Rollover carries what a period left over into the next one:
 * - NONE: every period starts from the budgeted amount.
 * - UNSPENT: money left unspent is added to the next period (never less than zero).
 * - UNSPENT_AND_OVERSPENT: the balance carries either way, so overspending shrinks the next period.
 * The carried balance accumulates: a period's available = amount + what came in from before.
 */
export type RolloverMode = "NONE" | "UNSPENT" | "UNSPENT_AND_OVERSPENT";

/** What the period after this one receives. */
export function carryOver(mode: RolloverMode, amount: bigint, rolloverIn: bigint, spent: bigint): bigint {
  const left = amount + rolloverIn - spent;
  switch (mode) {
    case "NONE":
      return 0n;
    case "UNSPENT":
      return left > 0n ? left : 0n;
    case "UNSPENT_AND_OVERSPENT":
      return left;
    default: {
      const never: never = mode;
      throw new Error(`unknown rollover mode ${String(never)}`);
    }
  }
}

/** The rollover each period starts with, given the one the first of them starts with. */
export function rolloverChain(
  mode: RolloverMode,
  amount: bigint,
  spentPerPeriod: bigint[],
  firstRollover = 0n,
): bigint[] {
  const chain: bigint[] = [];
  let rollover = firstRollover;
  for (const spent of spentPerPeriod) {
    chain.push(rollover);
    rollover = carryOver(mode, amount, rollover, spent);
  }
  return chain;
}

/**
 * Thresholds (percent of what is available) that `spent` has reached. With nothing available —
 * overspending carried in ate the whole budget — any spending at all reaches every threshold.
 */
export function reachedThresholds(thresholds: readonly number[], spent: bigint, available: bigint): number[] {
  if (available <= 0n) return spent > 0n ? [...thresholds] : [];
  return thresholds.filter((t) => spent * 100n >= BigInt(t) * available);
}

/** Whole percent used, rounded down; null when nothing is available. */
export function percentUsed(spent: bigint, available: bigint): number | null {
  if (available <= 0n) return null;
  return Number((spent * 100n) / available);
}
