/**
 * The rule a split must keep, as a pure check the form and the service share: every part moves
 * money the same way as the transaction, and the parts add up to it to the cent.
 */
import { fromMinorUnits, toMinorUnits } from "./money";

export type SplitProblem =
  | { kind: "ZERO_PART"; index: number }
  | { kind: "WRONG_SIGN"; index: number }
  | { kind: "SUM_MISMATCH"; sum: string; total: string };

export function findSplitProblem(total: string, parts: readonly string[]): SplitProblem | null {
  const whole = toMinorUnits(total);
  let sum = 0n;
  for (const [index, part] of parts.entries()) {
    const units = toMinorUnits(part);
    if (units === 0n) return { kind: "ZERO_PART", index };
    if (units < 0n !== whole < 0n) return { kind: "WRONG_SIGN", index };
    sum += units;
  }
  return sum === whole ? null : { kind: "SUM_MISMATCH", sum: fromMinorUnits(sum), total: fromMinorUnits(whole) };
}

export function describeSplitProblem(problem: SplitProblem): string {
  switch (problem.kind) {
    case "ZERO_PART":
      return `Part ${problem.index + 1} is zero`;
    case "WRONG_SIGN":
      return `Part ${problem.index + 1} goes the other way from the transaction`;
    case "SUM_MISMATCH":
      return `The parts add up to ${problem.sum}, the transaction is ${problem.total}`;
  }
}
