/**
 * Money, exactly. Amounts travel as decimal strings ("-12.34") and are added as integer minor
 * units (bigint), never as binary floating point.
 *
 * Sign convention, used everywhere: a transaction's amount is negative when money leaves the
 * account (debit) and positive when it arrives (credit). Plaid reports the opposite
 * (positive = outflow), so its transform flips the sign once, at the boundary.
 */
export type Direction = "DEBIT" | "CREDIT";

export function directionOf(amount: string): Direction {
  return amount.trim().startsWith("-") ? "DEBIT" : "CREDIT";
}

/** "12.3" → 1230n; accepts anything `decimalString` accepts, plus Prisma.Decimal via toString(). */
export function toMinorUnits(amount: string | { toString(): string }): bigint {
  const text = amount.toString().trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`not an exact 2-decimal amount: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  return sign ? -units : units;
}

export function fromMinorUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

export function sumAmounts(amounts: Iterable<string | { toString(): string }>): string {
  let total = 0n;
  for (const amount of amounts) total += toMinorUnits(amount);
  return fromMinorUnits(total);
}

export function negate(amount: string): string {
  return fromMinorUnits(-toMinorUnits(amount));
}
