/** What a generated merchant is: its cleaned name, Plaid category and how its bank line is printed. */
import { hashSeed, type Random } from "./random";

export type PaymentChannel = "online" | "in store" | "other";
export type ConfidenceLevel = "VERY_HIGH" | "HIGH" | "MEDIUM" | "LOW";

export interface Category {
  primary: string;
  detailed: string;
  confidence_level: ConfidenceLevel;
}

export interface City {
  city: string;
  region: string;
}

/** How a transaction reads on a statement and how Plaid enriches it. */
export interface StatementLine {
  name: string;
  merchantName: string | null;
  website: string | null;
  category: Category;
  channel: PaymentChannel;
  city: City | null;
}

export interface Merchant {
  key: string;
  /** Plaid's cleaned merchant_name; null where Plaid would not recognise one. */
  name: string | null;
  website: string | null;
  category: Category;
  channel: PaymentChannel;
  minDollars: number;
  maxDollars: number;
  /** Restaurants post with the tip added to the pending authorization. */
  tips?: boolean;
  refundable?: boolean;
  describe(random: Random, city: City): string;
}

export const CITIES: readonly City[] = [
  { city: "SAN FRANCISCO", region: "CA" },
  { city: "NEW YORK", region: "NY" },
  { city: "AUSTIN", region: "TX" },
  { city: "CHICAGO", region: "IL" },
  { city: "SEATTLE", region: "WA" },
  { city: "DENVER", region: "CO" },
  { city: "BOSTON", region: "MA" },
  { city: "MIAMI", region: "FL" },
];

export function category(primary: string, detailed: string, confidence: ConfidenceLevel = "VERY_HIGH"): Category {
  return { primary, detailed, confidence_level: confidence };
}

/** A store number that stays the same for one merchant in one city, as a real neighbourhood store does. */
export function storeNumber(key: string, city: City, length: number): string {
  const [h] = hashSeed(`${key}|${city.city}`);
  return String(h % 10 ** length).padStart(length, "0");
}

export const at = (city: City) => `${city.city} ${city.region}`;

export function merchant(
  key: string,
  name: string | null,
  website: string | null,
  cat: Category,
  channel: PaymentChannel,
  [minDollars, maxDollars]: [number, number],
  describe: Merchant["describe"],
  extra: Pick<Merchant, "tips" | "refundable"> = {},
): Merchant {
  return { key, name, website, category: cat, channel, minDollars, maxDollars, describe, ...extra };
}
