/** The categorize bench's statements: 500 made-up local merchants, printed as card statements print them. */
import type { NewTransaction } from "~/server/transaction/insert-transactions";

export const TRANSACTIONS = 10_000;
export const MERCHANTS = 500;
/** Which rows: each set is 10,000 different ones (different store numbers, places and ids). */
export const SETS = { cold: 0, llm: 1, warm: 2, secondWrite: 3, firstInProcess: 9 } as const;

const FIRST = [
  "Golden",
  "Blue",
  "Corner",
  "Maple",
  "Harbor",
  "Union",
  "Sunset",
  "Green",
  "Old Town",
  "Lucky",
  "Silver",
  "North",
  "Happy",
  "River",
  "Urban",
  "Little",
  "Royal",
  "Main Street",
  "Cedar",
  "Prairie",
  "Copper",
  "Bright",
  "Hill",
  "Oak",
  "Liberty",
];
const SECOND = [
  "Bakery",
  "Diner",
  "Hardware",
  "Pharmacy",
  "Books",
  "Cafe",
  "Market",
  "Cycles",
  "Florist",
  "Taqueria",
  "Auto Repair",
  "Pet Supply",
  "Dry Cleaners",
  "Pizzeria",
  "Yoga",
  "Barber",
  "Brewing",
  "Optical",
  "Deli",
  "Tailor",
];
const PREFIXES = ["SQ *", "TST* ", "POS ", "", "CHECKCARD "];
const PLACES = ["PORTLAND OR", "AUSTIN TX", "DENVER CO", "BOSTON MA"];

/** 500 merchants as card statements print them, 20 purchases each, with store numbers and places varying. */
export function statementRows(accountId: string, set: number): NewTransaction[] {
  return Array.from({ length: TRANSACTIONS }, (_, n) => {
    const i = n + set * TRANSACTIONS;
    const m = i % MERCHANTS;
    const name = `${FIRST[m % FIRST.length]} ${SECOND[Math.floor(m / FIRST.length)]}`.toUpperCase();
    const cents = 300 + ((i * 7919) % 9000);
    return {
      accountId,
      providerTransactionId: `bench-categorize-${i}`,
      amount: `-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      currency: "USD",
      date: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`,
      description: `${PREFIXES[i % PREFIXES.length]}${name} ${String(100 + (i % 37)).padStart(4, "0")} ${PLACES[i % PLACES.length]}`,
    };
  });
}
