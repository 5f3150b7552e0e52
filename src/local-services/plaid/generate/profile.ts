/**
 * The person behind a generated history: where they live, who pays them, what they owe every
 * month. Drawn once per item from the seed, so one seed is one consistent life.
 */
import { addDays, toDayNumber, weekday } from "./calendar";
import { category, CITIES, type Category, type City, type PaymentChannel } from "./merchant";
import type { Random } from "./random";

export interface Bill {
  name: string;
  merchantName: string | null;
  website: string | null;
  category: Category;
  channel: PaymentChannel;
  account: "checking" | "credit";
  dayOfMonth: number;
  cents: number;
  /** The bill changes by this fraction each month around its base (seasonal utilities). */
  variation: number;
  /** A price rise: from this date the bill is `risenCents`. */
  riseOn: string | null;
  risenCents: number;
  /** Only in these months (1–12); every month when null. */
  months: readonly number[] | null;
}

export interface Profile {
  home: City;
  employer: string;
  payrollId: string;
  paycheckCents: number;
  /** Paid every other Friday counted from this one. */
  firstPayday: string;
  raiseOn: string;
  raisedPaycheckCents: number;
  bills: Bill[];
  cardClosingDay: number;
  savingsTransferCents: number;
  savingsApyBasisPoints: number;
  openingCheckingCents: number;
  openingSavingsCents: number;
  /** Mean everyday purchases per day. */
  dailyPurchases: number;
}

const EMPLOYERS = [
  "ACME ROBOTICS INC",
  "NORTHWIND TRADERS",
  "GLOBEX CORP",
  "INITECH LLC",
  "UMBRELLA HEALTH",
  "HOOLI INC",
];
const LANDLORDS = ["AVALONBAY WEB PMTS", "ESSEX PROPERTY TR RENT", "GREYSTAR RENT PAYMENT", "EQUITY RESIDENTIAL RENT"];
const POWER: Record<string, [string, string, string]> = {
  CA: ["PGANDE WEB ONLINE", "PG&E", "pge.com"],
  NY: ["CON ED OF NY INTELL CK", "Con Edison", "coned.com"],
  TX: ["AUSTIN ENERGY PAYMENT", "Austin Energy", "austinenergy.com"],
  IL: ["COMED PAYMENT", "ComEd", "comed.com"],
  WA: ["SEATTLE CITY LIGHT WEB", "Seattle City Light", "seattle.gov"],
  CO: ["XCEL ENERGY-PSCO XCELENERGY", "Xcel Energy", "xcelenergy.com"],
  MA: ["EVERSOURCE ENERGY PAYMENT", "Eversource", "eversource.com"],
  FL: ["FPL DIRECT DEBIT ELEC PYMT", "FPL", "fpl.com"],
};

function bill(partial: Partial<Bill> & Pick<Bill, "name" | "category" | "dayOfMonth" | "cents">): Bill {
  return {
    merchantName: null,
    website: null,
    channel: "online",
    account: "credit",
    variation: 0,
    riseOn: null,
    risenCents: partial.cents,
    months: null,
    ...partial,
  };
}

/** Subscriptions a person may have; each profile keeps some, and some of those get dearer. */
function subscriptions(random: Random, start: string, days: number): Bill[] {
  const riseSometime = (cents: number, percent: number) =>
    random.chance(0.6)
      ? { riseOn: addDays(start, random.int(60, days - 30)), risenCents: Math.round((cents * (100 + percent)) / 100) }
      : {};
  const all: Bill[] = [
    bill({
      name: "NETFLIX.COM NETFLIX.COM CA",
      merchantName: "Netflix",
      website: "netflix.com",
      category: category("ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"),
      dayOfMonth: random.int(1, 28),
      cents: 1549,
      ...riseSometime(1549, 16),
    }),
    bill({
      name: "Spotify USA 877-778-1161 NY",
      merchantName: "Spotify",
      website: "spotify.com",
      category: category("ENTERTAINMENT", "ENTERTAINMENT_MUSIC_AND_AUDIO"),
      dayOfMonth: random.int(1, 28),
      cents: 1099,
      ...riseSometime(1099, 9),
    }),
    bill({
      name: "APPLE.COM/BILL 866-712-7753 CA",
      merchantName: "Apple",
      website: "apple.com",
      category: category("GENERAL_SERVICES", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "MEDIUM"),
      dayOfMonth: random.int(1, 28),
      cents: 299,
    }),
    bill({
      name: "NYTIMES*NYTIMES NEW YORK NY",
      merchantName: "The New York Times",
      website: "nytimes.com",
      category: category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "HIGH"),
      dayOfMonth: random.int(1, 28),
      cents: 1700,
      ...riseSometime(1700, 18),
    }),
    bill({
      name: "PLANET FITNESS CLUB FEES",
      merchantName: "Planet Fitness",
      website: "planetfitness.com",
      category: category("PERSONAL_CARE", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"),
      dayOfMonth: 17,
      cents: 2499,
      channel: "other",
      account: "checking",
    }),
    bill({
      name: `Amazon Prime*${random.alphanumeric(6)} Amzn.com/bill WA`,
      merchantName: "Amazon Prime",
      website: "amazon.com",
      category: category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"),
      dayOfMonth: random.int(1, 28),
      cents: 13900,
      months: [random.int(1, 12)],
    }),
  ];
  return all.filter(() => random.chance(0.7));
}

function householdBills(random: Random, home: City): Bill[] {
  const [powerName, powerMerchant, powerSite] = POWER[home.region] ?? POWER.CA!;
  const internet = random.cents(60, 90);
  return [
    bill({
      name: `${random.pick(LANDLORDS)} ${random.digits(7)}`,
      category: category("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT", "HIGH"),
      dayOfMonth: 1,
      cents: random.int(14, 30) * 10000 + random.pick([0, 2500, 5000]),
      channel: "other",
      account: "checking",
    }),
    bill({
      name: `${powerName} ${random.digits(8)}`,
      merchantName: powerMerchant,
      website: powerSite,
      category: category("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"),
      dayOfMonth: random.int(8, 14),
      cents: random.cents(70, 140),
      variation: 0.35,
      account: "checking",
    }),
    bill({
      name: "COMCAST CALIFORNIA 800-COMCAST CA",
      merchantName: "Xfinity",
      website: "xfinity.com",
      category: category("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_INTERNET_AND_CABLE"),
      dayOfMonth: random.int(3, 9),
      cents: internet,
      riseOn: null,
      risenCents: internet,
    }),
    bill({
      name: "VZWRLSS*APOCC VISB 800-922-0204 FL",
      merchantName: "Verizon Wireless",
      website: "verizonwireless.com",
      category: category("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_TELEPHONE"),
      dayOfMonth: random.int(18, 24),
      cents: random.cents(55, 95),
    }),
    bill({
      name: `CITY OF ${home.city} UTILITIES WATER`,
      category: category("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_WATER", "HIGH"),
      dayOfMonth: 26,
      cents: random.cents(45, 90),
      variation: 0.2,
      account: "checking",
      months: [1, 3, 5, 7, 9, 11],
    }),
    bill({
      name: `GEICO *AUTO ${random.digits(10)} DC`,
      merchantName: "GEICO",
      website: "geico.com",
      category: category("GENERAL_SERVICES", "GENERAL_SERVICES_INSURANCE"),
      dayOfMonth: random.int(10, 20),
      cents: random.cents(95, 180),
      account: "checking",
    }),
  ];
}

export function createProfile(random: Random, start: string, days: number, dailyPurchases: number): Profile {
  const home = random.pick(CITIES);
  const firstFriday = addDays(start, (5 - weekday(start) + 7) % 7);
  // Big-volume (benchmark) profiles spend far more, so they must earn more to keep balances sane.
  const scale = Math.max(1, dailyPurchases / 3);
  const paycheckCents = Math.round(random.cents(3000, 5000) * scale);
  return {
    home,
    employer: random.pick(EMPLOYERS),
    payrollId: random.digits(10),
    paycheckCents,
    firstPayday: random.chance(0.5) ? firstFriday : addDays(firstFriday, 7),
    raiseOn: addDays(start, random.int(180, Math.max(181, days - 30))),
    raisedPaycheckCents: Math.round((paycheckCents * random.int(103, 108)) / 100),
    bills: [...householdBills(random, home), ...subscriptions(random, start, days)],
    cardClosingDay: random.int(18, 26),
    savingsTransferCents: Math.round(random.int(2, 10) * 10000 * scale),
    savingsApyBasisPoints: random.int(35, 450),
    openingCheckingCents: random.cents(2500, 9000),
    openingSavingsCents: random.cents(4000, 25000),
    dailyPurchases,
  };
}

export function isPayday(profile: Profile, date: string): boolean {
  const diff = toDayNumber(date) - toDayNumber(profile.firstPayday);
  return diff >= 0 && diff % 14 === 0;
}
