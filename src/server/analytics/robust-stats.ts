/**
 * Robust statistics for spending: the median and the median absolute deviation (MAD) are not
 * dragged around by the one rent payment or the one holiday that a mean and a standard deviation
 * would chase. These are scores for deciding what is unusual, so floats are fine here; amounts
 * shown to the user stay exact decimal strings.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[], center = median(values)): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/**
 * The modified z-score of Iglewicz and Hoaglin (0.6745 scales the MAD to a standard deviation
 * for normal data); |z| > 3.5 is their usual outlier cut-off. `madFloor` keeps a series of
 * identical amounts (MAD 0) from calling every cent of change an outlier.
 */
export function robustZ(value: number, center: number, mad: number, madFloor = 0): number {
  const spread = Math.max(mad, madFloor);
  if (spread === 0) return value === center ? 0 : Number.POSITIVE_INFINITY * Math.sign(value - center);
  return (0.6745 * (value - center)) / spread;
}

/** The exact median of minor-unit amounts, rounded half away from zero to the cent. */
export function medianMinor(values: readonly bigint[]): bigint {
  if (values.length === 0) throw new RangeError("median of nothing");
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = sorted.length >> 1;
  if (sorted.length % 2) return sorted[mid]!;
  return divRound(sorted[mid - 1]! + sorted[mid]!, 2n);
}

/** Integer division rounded half away from zero: estimates stay whole cents without drift. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}
