/**
 * US regional chains and brands missing from the other lists, found by running a checklist of
 * well-known US brands through the offline categorizer (no evaluation row was read). Written from
 * general knowledge like the other merchant lists; names that are everyday words or first names
 * match only through their longer spellings ("~").
 */
import { merchants } from "./merchant-entry";

export const US_REGIONAL_MERCHANTS = merchants({
  FOOD_AND_DRINK_GROCERIES: [
    "WinCo",
    ["Price Chopper", "price chopper market"],
    ["The Fresh Market", "fresh market"],
    ["Save A Lot", "save a lot", "savealot"],
    ["~Ingles", "ingles markets", "ingles market"],
    ["~Weis", "weis markets", "weis market"],
    ["Raley's", "raleys"],
    ["Stater Bros", "stater bros", "stater brothers"],
    ["~Fry's", "frys food", "frys marketplace", "frys food store"],
    ["King Soopers", "king soopers", "kingsoopers"],
    ["~Smith's", "smiths food", "smiths food drug", "smiths marketplace"],
    ["~Dillons", "dillons food", "dillons store"],
    ["QFC", "quality food centers"],
    ["~Harps", "harps food", "harps food store"],
    ["Brookshire's", "brookshires", "brookshire brothers", "brookshire grocery"],
    ["Schnucks", "schnuck markets"],
    "Dierbergs",
    ["Lunds & Byerlys", "lunds byerlys", "lunds and byerlys"],
    ["Cub Foods", "cub foods", "cub store"],
    ["Mariano's", "marianos"],
    ["~Acme", "acme markets", "acme market"],
    ["Star Market", "star market"],
    ["~Tops", "tops markets", "tops market", "tops friendly"],
    ["~Cardenas", "cardenas markets", "cardenas market"],
    ["~Vallarta", "vallarta supermarkets", "vallarta supermarket"],
    ["Northgate Market", "northgate market", "northgate gonzalez"],
    ["~El Super", "el super market", "el super markets"],
    ["99 Ranch", "99 ranch", "99 ranch market"],
    ["H Mart", "h mart", "hmart"],
    ["Patel Brothers", "patel brothers", "patel bros"],
    ["Big Y", "big y world class", "big y foods"],
    ["Imperfect Foods", "imperfect foods"],
    ["Misfits Market", "misfits market"],
    ["Thrive Market", "thrive market"],
    ["Gopuff", "go puff", "gopuff"],
  ],
  FOOD_AND_DRINK_RESTAURANT: [
    ["The Cheesecake Factory", "cheesecake factory"],
    ["Outback Steakhouse", "outback steakhouse", "outback steak"],
    ["~Perkins", "perkins restaurant", "perkins rest"],
    ["Chuck E. Cheese", "chuck e cheese", "chuck e cheeses"],
  ],
  FOOD_AND_DRINK_FAST_FOOD: [
    ["Cook Out", "cook out", "cookout"],
    ["Potbelly", "potbelly sandwich"],
  ],
  FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK: [
    ["Crumbl", "crumbl cookies"],
    ["Cold Stone Creamery", "cold stone", "coldstone creamery"],
    ["HelloFresh", "hello fresh", "hellofresh"],
    ["Blue Apron", "blue apron"],
    ["Home Chef", "home chef"],
  ],
  TRANSPORTATION_GAS: [
    ["Buc-ee's", "buc ees", "bucees"],
    ["Love's Travel Stop", "loves travel", "loves country", "love s travel"],
    ["Pilot Travel Center", "pilot travel", "pilot flying j"],
    ["TA Travel Center", "ta travel", "ta petro", "travelcenters of america"],
    ["~Marathon", "marathon petro", "marathon gas"],
  ],
  GENERAL_MERCHANDISE_DEPARTMENT_STORES: [["~Belk", "belk inc", "belk store", "belk com"]],
  GENERAL_MERCHANDISE_DISCOUNT_STORES: [
    ["Ross Dress for Less", "ross stores", "ross dress"],
    ["~Burlington", "burlington stores", "burlington coat"],
    ["Ollie's Bargain Outlet", "ollies bargain", "ollie s bargain"],
  ],
  GENERAL_MERCHANDISE_SUPERSTORES: [["BJ's Wholesale", "bjs wholesale", "bj s wholesale", "bjs club"]],
  GENERAL_MERCHANDISE_SPORTING_GOODS: [["Bass Pro Shops", "bass pro"]],
  GENERAL_MERCHANDISE_ONLINE_MARKETPLACES: ["Poshmark", "Mercari", "Depop", "OfferUp"],
  GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE: [["Tractor Supply", "tractor supply", "tractor supply co"]],
  GENERAL_MERCHANDISE_PET_SUPPLIES: [["BarkBox", "bark box", "barkbox"]],
  GENERAL_SERVICES_AUTOMOTIVE: [
    ["O'Reilly Auto Parts", "oreilly auto", "o reilly auto", "oreilly"],
    ["NAPA Auto Parts", "napa auto", "napa store"],
  ],
  HOME_IMPROVEMENT_FURNITURE: [
    ["Ashley Furniture", "ashley furniture", "ashley homestore", "ashley home store"],
    ["Rooms To Go", "rooms to go", "roomstogo"],
    ["Bed Bath & Beyond", "bed bath", "bed bath beyond"],
    ["~Kirkland's", "kirklands home", "kirklands store"],
    ["~At Home", "at home store"],
  ],
  MEDICAL_PHARMACIES_AND_SUPPLEMENTS: [
    ["GoodRx", "goodrx", "good rx"],
    ["Rexall", "rexall pharma"],
  ],
  MEDICAL_VETERINARY_SERVICES: [
    ["Banfield Pet Hospital", "banfield"],
    ["VCA Animal Hospitals", "vca animal", "vca hospital"],
  ],
  GENERAL_SERVICES_INSURANCE: [
    ["Lemonade Insurance", "lemonade insurance", "lemonade inc"],
    ["Farmers Insurance", "farmers insurance", "farmers ins"],
    ["Nationwide Insurance", "nationwide insurance", "nationwide ins", "nationwide mutual"],
  ],
  GENERAL_SERVICES_STORAGE: [["Extra Space Storage", "extra space storage", "extra space"]],
  GENERAL_SERVICES_OTHER_GENERAL_SERVICES: [
    ["~Rover", "rover com", "rover.com"],
    ["~Wag!", "wag labs", "wagwalking"],
  ],
  GENERAL_SERVICES_EDUCATION: ["Quizlet"],
  ENTERTAINMENT_TV_AND_MOVIES: [
    ["AMC Theatres", "amc theatres", "amc theaters", "amc theatre"],
    ["Regal Cinemas", "regal cinemas", "regal cinema", "regal theaters"],
    ["Sling TV", "sling tv", "sling com"],
  ],
  ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS: [["Cedar Point", "cedar point"]],
  RENT_AND_UTILITIES_INTERNET_AND_CABLE: [
    ["Cox Communications", "cox comm", "cox communications", "cox cable"],
    ["Frontier Communications", "frontier comm", "frontier communications", "frontier internet"],
    ["DISH Network", "dish network", "dish netwrk"],
  ],
  TRAVEL_FLIGHTS: [
    ["~Delta Air Lines", "delta air", "delta airlines", "delta air lines"],
    ["Spirit Airlines", "spirit airl", "spirit airlines", "spirit air"],
  ],
  TRAVEL_RENTAL_CARS: [
    ["~Avis", "avis rent", "avis car", "avis budget"],
    ["Enterprise Rent-A-Car", "enterprise rent", "enterprise car", "enterprise rac"],
    ["Budget Rent a Car", "budget rent", "budget car"],
    ["National Car Rental", "national car", "national rent"],
  ],
  TRANSPORTATION_TOLLS: [["TollTag", "tolltag", "ntta"]],
  LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT: [
    ["Great Lakes Educational Loan Services", "great lakes edu", "great lakes educational"],
  ],
  LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT: [
    ["~Prosper", "prosper funding", "prosper marketplace"],
    ["~Avant", "avant llc", "avant loan"],
  ],
  LOAN_PAYMENTS_CAR_PAYMENT: [
    ["Honda Financial Services", "honda financial", "american honda finance", "honda fin"],
    ["Ally Auto", "ally auto", "ally financial"],
  ],
});
