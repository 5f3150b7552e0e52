/**
 * Writes data/categorizer-training/osm-brands.json — brand names with the category their kind of
 * shop implies — from the name-suggestion-index, OpenStreetMap's list of chain brands (BSD-3-Clause).
 * Only the training script reads the result; the app never does.
 *
 *   npm pack name-suggestion-index@8.0.20260918 && tar xzf name-suggestion-index-*.tgz
 *   npx tsx scripts/categorizer/extract-osm-brands.ts package
 *
 * The OSM kind → category table below is written from what each OSM tag means (wiki.openstreetmap.org)
 * and Plaid's category descriptions. Kinds whose spending category a brand does not settle — banks
 * and ATMs (a bank's name on a statement is a transfer or a fee), estate agents, car dealers,
 * money lenders, parcel lockers — are left out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { normalizeText } from "~/server/categorize/normalize-text";
import type { DetailedSlug } from "~/server/categorize/taxonomy";

const NSI_VERSION = "8.0.20260918";
const BRANDS_FILE = path.resolve(import.meta.dirname, "../../data/categorizer-training/osm-brands.json");

const CATEGORY_OF_KIND: Record<string, DetailedSlug> = {
  "amenity/fast_food": "FOOD_AND_DRINK_FAST_FOOD",
  "amenity/restaurant": "FOOD_AND_DRINK_RESTAURANT",
  "amenity/cafe": "FOOD_AND_DRINK_COFFEE",
  "amenity/ice_cream": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "amenity/pub": "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "amenity/bar": "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "amenity/karaoke_box": "ENTERTAINMENT_OTHER_ENTERTAINMENT",
  "shop/supermarket": "FOOD_AND_DRINK_GROCERIES",
  "shop/greengrocer": "FOOD_AND_DRINK_GROCERIES",
  "shop/frozen_food": "FOOD_AND_DRINK_GROCERIES",
  "shop/health_food": "FOOD_AND_DRINK_GROCERIES",
  "shop/butcher": "FOOD_AND_DRINK_GROCERIES",
  "shop/deli": "FOOD_AND_DRINK_GROCERIES",
  "shop/dairy": "FOOD_AND_DRINK_GROCERIES",
  "shop/seafood": "FOOD_AND_DRINK_GROCERIES",
  "shop/cheese": "FOOD_AND_DRINK_GROCERIES",
  "shop/bakery": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/pastry": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/confectionery": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/chocolate": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/tea": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/coffee": "FOOD_AND_DRINK_COFFEE",
  "shop/nuts": "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK",
  "shop/alcohol": "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "shop/wine": "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "shop/beverages": "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR",
  "shop/convenience": "GENERAL_MERCHANDISE_CONVENIENCE_STORES",
  "shop/kiosk": "GENERAL_MERCHANDISE_CONVENIENCE_STORES",
  "shop/newsagent": "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS",
  "shop/books": "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS",
  "shop/clothes": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/shoes": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/jewelry": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/watches": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/bag": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/fashion_accessories": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/leather": "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES",
  "shop/baby_goods": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
  "shop/department_store": "GENERAL_MERCHANDISE_DEPARTMENT_STORES",
  "shop/mall": "GENERAL_MERCHANDISE_DEPARTMENT_STORES",
  "shop/variety_store": "GENERAL_MERCHANDISE_DISCOUNT_STORES",
  "shop/second_hand": "GENERAL_MERCHANDISE_DISCOUNT_STORES",
  "shop/charity": "GENERAL_MERCHANDISE_DISCOUNT_STORES",
  "shop/wholesale": "GENERAL_MERCHANDISE_SUPERSTORES",
  "shop/electronics": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/computer": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/mobile_phone": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/mobile_phone_accessories": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/hifi": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/camera": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/appliance": "GENERAL_MERCHANDISE_ELECTRONICS",
  "shop/video_games": "ENTERTAINMENT_VIDEO_GAMES",
  "shop/games": "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES",
  "shop/toys": "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES",
  "shop/gift": "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES",
  "shop/party": "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES",
  "shop/florist": "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES",
  "shop/craft": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
  "shop/fabric": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
  "shop/music": "ENTERTAINMENT_MUSIC_AND_AUDIO",
  "shop/musical_instrument": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
  "shop/photo": "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
  "shop/stationery": "GENERAL_MERCHANDISE_OFFICE_SUPPLIES",
  "shop/printer_ink": "GENERAL_MERCHANDISE_OFFICE_SUPPLIES",
  "shop/copyshop": "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "shop/pet": "GENERAL_MERCHANDISE_PET_SUPPLIES",
  "shop/sports": "GENERAL_MERCHANDISE_SPORTING_GOODS",
  "shop/outdoor": "GENERAL_MERCHANDISE_SPORTING_GOODS",
  "shop/bicycle": "GENERAL_MERCHANDISE_SPORTING_GOODS",
  "shop/fishing": "GENERAL_MERCHANDISE_SPORTING_GOODS",
  "shop/tobacco": "GENERAL_MERCHANDISE_TOBACCO_AND_VAPE",
  "shop/e-cigarette": "GENERAL_MERCHANDISE_TOBACCO_AND_VAPE",
  "shop/furniture": "HOME_IMPROVEMENT_FURNITURE",
  "shop/bed": "HOME_IMPROVEMENT_FURNITURE",
  "shop/kitchen": "HOME_IMPROVEMENT_FURNITURE",
  "shop/houseware": "HOME_IMPROVEMENT_FURNITURE",
  "shop/household_linen": "HOME_IMPROVEMENT_FURNITURE",
  "shop/interior_decoration": "HOME_IMPROVEMENT_FURNITURE",
  "shop/bathroom_furnishing": "HOME_IMPROVEMENT_FURNITURE",
  "shop/carpet": "HOME_IMPROVEMENT_FURNITURE",
  "shop/lighting": "HOME_IMPROVEMENT_FURNITURE",
  "shop/doityourself": "HOME_IMPROVEMENT_HARDWARE",
  "shop/hardware": "HOME_IMPROVEMENT_HARDWARE",
  "shop/trade": "HOME_IMPROVEMENT_HARDWARE",
  "shop/paint": "HOME_IMPROVEMENT_HARDWARE",
  "shop/tiles": "HOME_IMPROVEMENT_HARDWARE",
  "shop/flooring": "HOME_IMPROVEMENT_HARDWARE",
  "shop/garden_centre": "HOME_IMPROVEMENT_HARDWARE",
  "shop/electrical": "HOME_IMPROVEMENT_HARDWARE",
  "shop/tool_hire": "HOME_IMPROVEMENT_HARDWARE",
  "craft/plumber": "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE",
  "craft/electrician": "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE",
  "craft/window_construction": "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE",
  "craft/cleaning": "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE",
  "shop/locksmith": "HOME_IMPROVEMENT_SECURITY",
  "amenity/pharmacy": "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  "shop/chemist": "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  "shop/nutrition_supplements": "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  "shop/herbalist": "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
  "shop/medical_supply": "MEDICAL_OTHER_MEDICAL",
  "shop/hearing_aids": "MEDICAL_OTHER_MEDICAL",
  "shop/optician": "MEDICAL_EYE_CARE",
  "amenity/dentist": "MEDICAL_DENTAL_CARE",
  "amenity/doctors": "MEDICAL_PRIMARY_CARE",
  "amenity/clinic": "MEDICAL_PRIMARY_CARE",
  "amenity/hospital": "MEDICAL_OTHER_MEDICAL",
  "healthcare/laboratory": "MEDICAL_OTHER_MEDICAL",
  "healthcare/sample_collection": "MEDICAL_OTHER_MEDICAL",
  "healthcare/physiotherapist": "MEDICAL_OTHER_MEDICAL",
  "healthcare/audiologist": "MEDICAL_OTHER_MEDICAL",
  "amenity/veterinary": "MEDICAL_VETERINARY_SERVICES",
  "shop/hairdresser": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/beauty": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/cosmetics": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/perfumery": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/hairdresser_supply": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/massage": "PERSONAL_CARE_HAIR_AND_BEAUTY",
  "shop/tattoo": "PERSONAL_CARE_OTHER_PERSONAL_CARE",
  "leisure/sauna": "PERSONAL_CARE_OTHER_PERSONAL_CARE",
  "shop/dry_cleaning": "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING",
  "shop/laundry": "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING",
  "leisure/fitness_centre": "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
  "leisure/sports_centre": "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
  "amenity/cinema": "ENTERTAINMENT_TV_AND_MOVIES",
  "amenity/casino": "ENTERTAINMENT_CASINOS_AND_GAMBLING",
  "amenity/gambling": "ENTERTAINMENT_CASINOS_AND_GAMBLING",
  "shop/bookmaker": "ENTERTAINMENT_CASINOS_AND_GAMBLING",
  "shop/lottery": "ENTERTAINMENT_CASINOS_AND_GAMBLING",
  "leisure/adult_gaming_centre": "ENTERTAINMENT_CASINOS_AND_GAMBLING",
  "leisure/amusement_arcade": "ENTERTAINMENT_OTHER_ENTERTAINMENT",
  "leisure/bowling_alley": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "leisure/trampoline_park": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "leisure/indoor_play": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "leisure/escape_game": "ENTERTAINMENT_OTHER_ENTERTAINMENT",
  "leisure/miniature_golf": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "leisure/high_ropes_course": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "tourism/theme_park": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "shop/ticket": "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS",
  "amenity/fuel": "TRANSPORTATION_GAS",
  "shop/gas": "TRANSPORTATION_GAS",
  "highway/services": "TRANSPORTATION_GAS",
  "amenity/charging_station": "TRANSPORTATION_OTHER_TRANSPORTATION",
  "man_made/charge_point": "TRANSPORTATION_OTHER_TRANSPORTATION",
  "amenity/parking": "TRANSPORTATION_PARKING",
  "amenity/bicycle_rental": "TRANSPORTATION_BIKES_AND_SCOOTERS",
  "amenity/car_sharing": "TRANSPORTATION_OTHER_TRANSPORTATION",
  "amenity/car_rental": "TRAVEL_RENTAL_CARS",
  "amenity/car_wash": "GENERAL_SERVICES_AUTOMOTIVE",
  "amenity/vehicle_inspection": "GENERAL_SERVICES_AUTOMOTIVE",
  "shop/car_repair": "GENERAL_SERVICES_AUTOMOTIVE",
  "shop/car_parts": "GENERAL_SERVICES_AUTOMOTIVE",
  "shop/tyres": "GENERAL_SERVICES_AUTOMOTIVE",
  "shop/motorcycle_repair": "GENERAL_SERVICES_AUTOMOTIVE",
  "tourism/hotel": "TRAVEL_LODGING",
  "tourism/motel": "TRAVEL_LODGING",
  "tourism/hostel": "TRAVEL_LODGING",
  "tourism/caravan_site": "TRAVEL_LODGING",
  "shop/travel_agency": "TRAVEL_OTHER_TRAVEL",
  "office/insurance": "GENERAL_SERVICES_INSURANCE",
  "office/tax_advisor": "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING",
  "office/financial_advisor": "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING",
  "office/lawyer": "GENERAL_SERVICES_CONSULTING_AND_LEGAL",
  "office/consulting": "GENERAL_SERVICES_CONSULTING_AND_LEGAL",
  "office/moving_company": "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "office/coworking": "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "office/employment_agency": "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "shop/storage_rental": "GENERAL_SERVICES_STORAGE",
  "amenity/post_office": "GENERAL_SERVICES_POSTAGE_AND_SHIPPING",
  "office/logistics": "GENERAL_SERVICES_POSTAGE_AND_SHIPPING",
  "shop/funeral_directors": "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
  "amenity/kindergarten": "GENERAL_SERVICES_CHILDCARE",
  "amenity/childcare": "GENERAL_SERVICES_CHILDCARE",
  "amenity/prep_school": "GENERAL_SERVICES_EDUCATION",
  "amenity/language_school": "GENERAL_SERVICES_EDUCATION",
  "amenity/music_school": "GENERAL_SERVICES_EDUCATION",
  "amenity/driving_school": "GENERAL_SERVICES_EDUCATION",
  "amenity/school": "GENERAL_SERVICES_EDUCATION",
  "amenity/college": "GENERAL_SERVICES_EDUCATION",
  "amenity/university": "GENERAL_SERVICES_EDUCATION",
  "amenity/training": "GENERAL_SERVICES_EDUCATION",
  "shop/telecommunication": "RENT_AND_UTILITIES_TELEPHONE",
  "office/telecommunication": "RENT_AND_UTILITIES_TELEPHONE",
  "office/government": "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES",
  "office/union": "GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT",
  "office/political_party": "GOVERNMENT_AND_NON_PROFIT_DONATIONS",
  "amenity/social_facility": "GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT",
  "club/scout": "GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT",
};

const itemSchema = z.object({ displayName: z.string(), tags: z.record(z.string(), z.string()) });
const nsiSchema = z.object({ nsi: z.record(z.string(), z.object({ items: z.array(itemSchema) })) });

/** A name with fewer letters and digits than this names no one brand on a statement. */
const MIN_LENGTH = 3;

function main() {
  const packageDir = process.argv[2];
  if (!packageDir) throw new Error("usage: extract-osm-brands.ts <unpacked name-suggestion-index package>");
  const { nsi } = nsiSchema.parse(JSON.parse(readFileSync(path.join(packageDir, "dist/json/nsi.min.json"), "utf8")));
  const categories = new Map<string, Set<DetailedSlug>>();
  const spelling = new Map<string, string>();
  for (const [tree, { items }] of Object.entries(nsi)) {
    if (!tree.startsWith("brands/")) continue;
    const category = CATEGORY_OF_KIND[tree.slice("brands/".length)];
    if (!category) continue;
    for (const item of items) {
      for (const name of new Set([item.displayName, item.tags.brand, item.tags.name])) {
        // Latin-script names only: a bank statement prints ASCII.
        if (!name || !/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}&+]+$/u.test(name)) continue;
        const key = normalizeText(name);
        if (key.replace(/ /g, "").length < MIN_LENGTH) continue;
        categories.set(key, (categories.get(key) ?? new Set()).add(category));
        if (!spelling.has(key)) spelling.set(key, name);
      }
    }
  }
  // A name two kinds of shop share ("Coop" the supermarket and "Coop" the pharmacy) says neither.
  const brands = [...categories]
    .filter(([, cats]) => cats.size === 1)
    .map(([key, cats]) => [spelling.get(key)!, [...cats][0]!] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const comment = `Brand names and the category their kind of shop implies, from name-suggestion-index ${NSI_VERSION} (OpenStreetMap's brand list, BSD-3-Clause, copyright name-suggestion-index contributors), extracted by scripts/categorizer/extract-osm-brands.ts. Training material for the offline model only.`;
  const lines = brands.map((b) => JSON.stringify(b)).join(",\n");
  writeFileSync(BRANDS_FILE, `{"$comment":${JSON.stringify(comment)},"brands":[\n${lines}\n]}\n`);
  console.log(`${brands.length} brands (${categories.size - brands.length} names dropped: more than one kind)`);
}

main();
