/**
 * Where money goes, printed the way US banks print it. Descriptors follow real statement
 * lines (processor prefixes like "SQ *", "TST*", "AMZN Mktp US*", store numbers, city + state),
 * because the categorizer downstream must cope with exactly this noise.
 */
import { at, category, merchant, storeNumber, type Merchant } from "./merchant";
import type { Random } from "./random";

const GROCERIES = category("FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES");
const COFFEE = category("FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE");
const RESTAURANT = category("FOOD_AND_DRINK", "FOOD_AND_DRINK_RESTAURANT");
const FAST_FOOD = category("FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD");
const RIDES = category("TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES");

/** Everyday spending, grouped by the habit it belongs to; the weights say how often a day brings one. */
export const SPENDING: readonly { weight: number; merchants: readonly Merchant[] }[] = [
  {
    weight: 14,
    merchants: [
      merchant(
        "safeway",
        "Safeway",
        "safeway.com",
        GROCERIES,
        "in store",
        [14, 120],
        (_r, c) => `SAFEWAY #${storeNumber("safeway", c, 4)} ${at(c)}`,
      ),
      merchant(
        "trader-joes",
        "Trader Joe's",
        "traderjoes.com",
        GROCERIES,
        "in store",
        [12, 95],
        (_r, c) => `TRADER JOE S #${storeNumber("tj", c, 3)} QPS ${at(c)}`,
      ),
      merchant(
        "whole-foods",
        "Whole Foods Market",
        "wholefoodsmarket.com",
        GROCERIES,
        "in store",
        [10, 130],
        (_r, c) => `WHOLEFDS ${storeNumber("wf", c, 3)} ${at(c)}`,
      ),
    ],
  },
  {
    weight: 14,
    merchants: [
      merchant(
        "blue-bottle",
        "Blue Bottle Coffee",
        "bluebottlecoffee.com",
        COFFEE,
        "in store",
        [4.5, 16],
        (_r, c) => `SQ *BLUE BOTTLE ${storeNumber("bb", c, 4)} ${at(c)}`,
      ),
      merchant(
        "starbucks",
        "Starbucks",
        "starbucks.com",
        COFFEE,
        "in store",
        [3.75, 14],
        (_r, c) => `STARBUCKS STORE ${storeNumber("sbux", c, 5)} ${at(c)}`,
      ),
      merchant(
        "ritual",
        "Ritual Coffee Roasters",
        null,
        COFFEE,
        "in store",
        [4, 12],
        (_r, c) => `SQ *RITUAL COFFEE ROASTE ${at(c)}`,
      ),
    ],
  },
  {
    weight: 13,
    merchants: [
      merchant("nopa", null, null, RESTAURANT, "in store", [38, 140], (_r, c) => `TST* NOPA ${at(c)}`, { tips: true }),
      merchant(
        "tartine",
        "Tartine",
        "tartinebakery.com",
        RESTAURANT,
        "in store",
        [14, 60],
        (_r, c) => `SQ *TARTINE BAKERY ${at(c)}`,
      ),
      merchant(
        "olive-garden",
        "Olive Garden",
        "olivegarden.com",
        RESTAURANT,
        "in store",
        [28, 95],
        (_r, c) => `OLIVE GARDEN ${storeNumber("og", c, 4)} ${at(c)}`,
        { tips: true },
      ),
      merchant(
        "doordash",
        "DoorDash",
        "doordash.com",
        RESTAURANT,
        "online",
        [18, 70],
        (r) => `DD *DOORDASH ${r.pick(["THAIBASIL", "SWEETGREEN", "PAPAJOHNS", "SHAKESHACK"])} 855-431-0459 CA`,
      ),
    ],
  },
  {
    weight: 6,
    merchants: [
      merchant(
        "chipotle",
        "Chipotle Mexican Grill",
        "chipotle.com",
        FAST_FOOD,
        "in store",
        [9, 28],
        (_r, c) => `CHIPOTLE ${storeNumber("chip", c, 4)} ${at(c)}`,
      ),
      merchant(
        "mcdonalds",
        "McDonald's",
        "mcdonalds.com",
        FAST_FOOD,
        "in store",
        [6, 22],
        (_r, c) => `MCDONALD'S F${storeNumber("mcd", c, 5)} ${at(c)}`,
      ),
    ],
  },
  {
    weight: 8,
    merchants: [
      merchant("uber", "Uber", "uber.com", RIDES, "online", [7.5, 48], () => "UBER *TRIP HELP.UBER.COM CA"),
      merchant(
        "lyft",
        "Lyft",
        "lyft.com",
        RIDES,
        "online",
        [8, 42],
        (r) =>
          `LYFT *RIDE ${r.pick(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"])} ${r.int(1, 12)}${r.pick(["AM", "PM"])} LYFT.COM CA`,
      ),
    ],
  },
  {
    weight: 4,
    merchants: [
      merchant(
        "shell",
        "Shell",
        "shell.com",
        category("TRANSPORTATION", "TRANSPORTATION_GAS"),
        "in store",
        [28, 78],
        (_r, c) => `SHELL OIL ${storeNumber("shell", c, 11)} ${at(c)}`,
      ),
      merchant(
        "chevron",
        "Chevron",
        "chevron.com",
        category("TRANSPORTATION", "TRANSPORTATION_GAS"),
        "in store",
        [30, 82],
        (_r, c) => `CHEVRON ${storeNumber("chev", c, 7)} ${at(c)}`,
      ),
    ],
  },
  {
    weight: 3,
    merchants: [
      merchant(
        "transit",
        null,
        null,
        category("TRANSPORTATION", "TRANSPORTATION_PUBLIC_TRANSIT", "HIGH"),
        "in store",
        [2.5, 40],
        (_r, c) => `${c.region === "CA" ? "CLIPPER SERVICE CONCORD CA" : `TRANSIT AUTHORITY ${at(c)}`}`,
      ),
      merchant(
        "parking",
        null,
        null,
        category("TRANSPORTATION", "TRANSPORTATION_PARKING", "HIGH"),
        "in store",
        [4, 38],
        (_r, c) => `PAYBYPHONE PARKING ${at(c)}`,
      ),
    ],
  },
  {
    weight: 8,
    merchants: [
      merchant(
        "amazon",
        "Amazon",
        "amazon.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"),
        "online",
        [6, 160],
        (r) => `AMZN Mktp US*${r.alphanumeric(6)}`,
        { refundable: true },
      ),
      merchant(
        "amazon-com",
        "Amazon",
        "amazon.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"),
        "online",
        [9, 90],
        (r) => `Amazon.com*${r.alphanumeric(6)} Amzn.com/bill WA`,
        { refundable: true },
      ),
    ],
  },
  {
    weight: 4,
    merchants: [
      merchant(
        "target",
        "Target",
        "target.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_SUPERSTORES"),
        "in store",
        [12, 150],
        (_r, c) => `TARGET ${storeNumber("tgt", c, 8)} ${at(c)}`,
        { refundable: true },
      ),
      merchant(
        "costco",
        "Costco",
        "costco.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_SUPERSTORES"),
        "in store",
        [40, 240],
        (_r, c) => `COSTCO WHSE #${storeNumber("cost", c, 4)} ${at(c)}`,
      ),
    ],
  },
  {
    weight: 3,
    merchants: [
      merchant(
        "walgreens",
        "Walgreens",
        "walgreens.com",
        category("MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"),
        "in store",
        [5, 60],
        (_r, c) => `WALGREENS #${storeNumber("wag", c, 4)} ${at(c)}`,
      ),
      merchant(
        "cvs",
        "CVS",
        "cvs.com",
        category("MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"),
        "in store",
        [4, 55],
        (_r, c) => `CVS/PHARMACY #${storeNumber("cvs", c, 5)} ${at(c)}`,
      ),
    ],
  },
  {
    weight: 2,
    merchants: [
      merchant(
        "uniqlo",
        "Uniqlo",
        "uniqlo.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES"),
        "in store",
        [20, 180],
        (_r, c) => `UNIQLO USA LLC ${at(c)}`,
        { refundable: true },
      ),
      merchant(
        "nike",
        "Nike",
        "nike.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES"),
        "online",
        [35, 220],
        () => "NIKE.COM BEAVERTON OR",
        { refundable: true },
      ),
      merchant(
        "best-buy",
        "Best Buy",
        "bestbuy.com",
        category("GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ELECTRONICS"),
        "in store",
        [15, 350],
        (_r, c) => `BEST BUY ${storeNumber("bby", c, 8)} ${at(c)}`,
        { refundable: true },
      ),
    ],
  },
  {
    weight: 2,
    merchants: [
      merchant(
        "amc",
        "AMC Theatres",
        "amctheatres.com",
        category("ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES"),
        "in store",
        [12, 48],
        (_r, c) => `AMC ${storeNumber("amc", c, 4)} ONLINE ${c.region}`,
      ),
      merchant(
        "ticketmaster",
        "Ticketmaster",
        "ticketmaster.com",
        category("ENTERTAINMENT", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
        "online",
        [40, 260],
        () => "TICKETMASTER 800-653-8000 CA",
      ),
      merchant(
        "steam",
        "Steam",
        "steampowered.com",
        category("ENTERTAINMENT", "ENTERTAINMENT_VIDEO_GAMES"),
        "online",
        [5, 70],
        () => "STEAMGAMES.COM 4259522 WA",
      ),
    ],
  },
  {
    weight: 1,
    merchants: [
      merchant(
        "barber",
        null,
        null,
        category("PERSONAL_CARE", "PERSONAL_CARE_HAIR_AND_BEAUTY", "MEDIUM"),
        "in store",
        [30, 95],
        (_r, c) => `SQ *FADE FACTORY ${at(c)}`,
        { tips: true },
      ),
      merchant(
        "dry-cleaning",
        null,
        null,
        category("PERSONAL_CARE", "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING", "MEDIUM"),
        "in store",
        [12, 45],
        (_r, c) => `PRESTIGE CLEANERS ${at(c)}`,
      ),
      merchant(
        "usps",
        "USPS",
        "usps.com",
        category("GENERAL_SERVICES", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING"),
        "in store",
        [4, 38],
        (_r, c) => `USPS PO ${storeNumber("usps", c, 10)} ${at(c)}`,
      ),
    ],
  },
];

const TOTAL_WEIGHT = SPENDING.reduce((sum, group) => sum + group.weight, 0);

/** A habit by its weight, then one of its merchants. */
export function pickSpendingMerchant(random: Random): Merchant {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const group of SPENDING) {
    roll -= group.weight;
    if (roll < 0) return random.pick(group.merchants);
  }
  return random.pick(SPENDING[0]!.merchants);
}

export const TRAVEL = {
  flights: [
    merchant(
      "united",
      "United Airlines",
      "united.com",
      category("TRAVEL", "TRAVEL_FLIGHTS"),
      "online",
      [180, 720],
      (r) => `UNITED ${r.digits(13)} 800-932-2732 TX`,
    ),
    merchant(
      "delta",
      "Delta Air Lines",
      "delta.com",
      category("TRAVEL", "TRAVEL_FLIGHTS"),
      "online",
      [160, 680],
      (r) => `DELTA AIR ${r.digits(13)} DELTA.COM CA`,
    ),
    merchant(
      "southwest",
      "Southwest Airlines",
      "southwest.com",
      category("TRAVEL", "TRAVEL_FLIGHTS"),
      "online",
      [110, 420],
      (r) => `SOUTHWES ${r.digits(13)} 800-435-9792 TX`,
    ),
  ],
  lodging: [
    merchant(
      "marriott",
      "Marriott",
      "marriott.com",
      category("TRAVEL", "TRAVEL_LODGING"),
      "in store",
      [320, 1400],
      (_r, c) => `MARRIOTT ${c.city} DOWNTOWN ${c.region}`,
    ),
    merchant(
      "airbnb",
      "Airbnb",
      "airbnb.com",
      category("TRAVEL", "TRAVEL_LODGING"),
      "online",
      [260, 1600],
      (r) => `AIRBNB * HM${r.alphanumeric(8)} 415-800-5959 CA`,
    ),
  ],
  cars: [
    merchant(
      "hertz",
      "Hertz",
      "hertz.com",
      category("TRAVEL", "TRAVEL_RENTAL_CARS"),
      "in store",
      [120, 480],
      (_r, c) => `HERTZ RENT-A-CAR ${at(c)}`,
    ),
  ],
} as const;
