/**
 * Which category a question is about, from everyday words ("coffee", "eating out", "gas") and
 * the taxonomy's own labels, plus the user's own categories. The longest phrase found wins, so
 * "coffee shops" beats "shops".
 */
import { DETAILED_CATEGORIES, PRIMARY_CATEGORIES } from "~/server/categorize/taxonomy";

const WORDS: Record<string, string> = {
  food: "FOOD_AND_DRINK",
  "food and drink": "FOOD_AND_DRINK",
  "eating out": "FOOD_AND_DRINK_RESTAURANT",
  dining: "FOOD_AND_DRINK_RESTAURANT",
  "dining out": "FOOD_AND_DRINK_RESTAURANT",
  restaurants: "FOOD_AND_DRINK_RESTAURANT",
  restaurant: "FOOD_AND_DRINK_RESTAURANT",
  takeout: "FOOD_AND_DRINK_RESTAURANT",
  "fast food": "FOOD_AND_DRINK_FAST_FOOD",
  coffee: "FOOD_AND_DRINK_COFFEE",
  "coffee shops": "FOOD_AND_DRINK_COFFEE",
  cafes: "FOOD_AND_DRINK_COFFEE",
  groceries: "FOOD_AND_DRINK_GROCERIES",
  grocery: "FOOD_AND_DRINK_GROCERIES",
  supermarket: "FOOD_AND_DRINK_GROCERIES",
  alcohol: "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  beer: "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  wine: "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  transport: "TRANSPORTATION",
  transportation: "TRANSPORTATION",
  gas: "TRANSPORTATION_GAS",
  fuel: "TRANSPORTATION_GAS",
  petrol: "TRANSPORTATION_GAS",
  taxi: "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
  taxis: "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
  "ride shares": "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
  rideshare: "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
  parking: "TRANSPORTATION_PARKING",
  "public transit": "TRANSPORTATION_PUBLIC_TRANSIT",
  travel: "TRAVEL",
  flights: "TRAVEL_FLIGHTS",
  hotels: "TRAVEL_LODGING",
  lodging: "TRAVEL_LODGING",
  rent: "RENT_AND_UTILITIES_RENT",
  utilities: "RENT_AND_UTILITIES",
  electricity: "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
  internet: "RENT_AND_UTILITIES_INTERNET_AND_CABLE",
  phone: "RENT_AND_UTILITIES_TELEPHONE",
  water: "RENT_AND_UTILITIES_WATER",
  shopping: "GENERAL_MERCHANDISE",
  clothes: "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  clothing: "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  electronics: "GENERAL_MERCHANDISE_ELECTRONICS",
  "online shopping": "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
  entertainment: "ENTERTAINMENT",
  streaming: "ENTERTAINMENT_TV_AND_MOVIES",
  movies: "ENTERTAINMENT_TV_AND_MOVIES",
  music: "ENTERTAINMENT_MUSIC_AND_AUDIO",
  games: "ENTERTAINMENT_VIDEO_GAMES",
  health: "MEDICAL",
  medical: "MEDICAL",
  doctor: "MEDICAL",
  pharmacy: "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  gym: "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
  fitness: "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
  haircut: "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "personal care": "PERSONAL_CARE",
  insurance: "GENERAL_SERVICES_INSURANCE",
  "bank fees": "BANK_FEES",
  fees: "BANK_FEES",
  charity: "GOVERNMENT_AND_NON_PROFIT_DONATIONS",
  donations: "GOVERNMENT_AND_NON_PROFIT_DONATIONS",
  taxes: "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT",
  "home improvement": "HOME_IMPROVEMENT",
  furniture: "HOME_IMPROVEMENT_FURNITURE",
};

const KNOWN = new Set<string>([...PRIMARY_CATEGORIES.map((c) => c.slug), ...DETAILED_CATEGORIES.map((c) => c.slug)]);

const normalize = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

function phrases(userCategories: { slug: string; label: string }[]): [string, string][] {
  // "Other" as a category would swallow every "other than …".
  const fromLabels = [...PRIMARY_CATEGORIES, ...DETAILED_CATEGORIES]
    .map((c) => [normalize(c.label).trim(), c.slug] as [string, string])
    .filter(([phrase]) => phrase !== "other");
  const fromWords = Object.entries(WORDS).filter(([, slug]) => KNOWN.has(slug));
  const own = userCategories.map((c) => [normalize(c.label).trim(), c.slug] as [string, string]);
  // The user's own names first: "Coffee" as their category beats the taxonomy's.
  return [...own, ...fromWords, ...fromLabels].filter(([phrase]) => phrase.length >= 3);
}

export function matchCategory(
  question: string,
  userCategories: { slug: string; label: string }[] = [],
): { slug: string; phrase: string } | null {
  const text = normalize(question);
  let best: { slug: string; phrase: string } | null = null;
  for (const [phrase, slug] of phrases(userCategories)) {
    if (!text.includes(` ${phrase} `)) continue;
    if (!best || phrase.length > best.phrase.length) best = { slug, phrase };
  }
  return best;
}
