/**
 * A small seeded PRNG, so the same seed always yields the same history (Math.random cannot be
 * seeded). sfc32 is fast and passes PractRand far beyond the few million draws we make.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Integer cents drawn uniformly between two dollar amounts. */
  cents(minDollars: number, maxDollars: number): number;
  digits(length: number): string;
  alphanumeric(length: number): string;
  /** An independent stream, so adding draws in one place does not shift every later one. */
  fork(label: string): Random;
}

export function hashSeed(text: string): [number, number, number, number] {
  // cyrb128: spreads any string over 128 bits of PRNG state.
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    cents: (minDollars, maxDollars) => int(Math.round(minDollars * 100), Math.round(maxDollars * 100)),
    digits: (length) => {
      let text = "";
      for (let i = 0; i < length; i++) text += String(Math.floor(next() * 10));
      return text;
    },
    alphanumeric: (length) => {
      let text = "";
      for (let i = 0; i < length; i++) text += ALPHANUMERIC[Math.floor(next() * ALPHANUMERIC.length)];
      return text;
    },
    fork: (label) => createRandom(`${seed}/${label}`),
  };
}

/** Knuth's method for everyday volumes; a normal approximation for benchmark-sized means. */
export function poisson(random: Random, mean: number): number {
  if (mean > 30) {
    const gauss = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}
