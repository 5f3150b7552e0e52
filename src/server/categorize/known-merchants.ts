import type { MerchantEntry } from "./knowledge/merchant-entry";
import { FOOD_MERCHANTS } from "./knowledge/merchants-food";
import { GETTING_AROUND_MERCHANTS } from "./knowledge/merchants-getting-around";
import { REGIONAL_MERCHANTS } from "./knowledge/merchants-regional";
import { SERVICE_MERCHANTS } from "./knowledge/merchants-services";
import { SHOPPING_MERCHANTS } from "./knowledge/merchants-shopping";
import { US_REGIONAL_MERCHANTS } from "./knowledge/merchants-us-regional";
import { type PhraseMatch, PhraseMatcher } from "./phrase-matcher";

export const KNOWN_MERCHANTS: readonly MerchantEntry[] = [
  ...FOOD_MERCHANTS,
  ...SHOPPING_MERCHANTS,
  ...GETTING_AROUND_MERCHANTS,
  ...SERVICE_MERCHANTS,
  ...REGIONAL_MERCHANTS,
  ...US_REGIONAL_MERCHANTS,
];

/** "Hand & Stone" is also printed "HAND AND STONE". */
const spellingsOf = (alias: string) => (alias.includes("&") ? [alias, alias.replace(/\s*&\s*/g, " and ")] : [alias]);

const matcher = new PhraseMatcher<MerchantEntry>();
for (const merchant of KNOWN_MERCHANTS) {
  for (const alias of merchant.aliases)
    for (const spelling of spellingsOf(alias)) matcher.add(spelling, merchant, { joined: true });
}

/** Every well-known merchant named in the tokens, with where. */
export function findKnownMerchants(tokens: readonly string[]): PhraseMatch<MerchantEntry>[] {
  return matcher.find(tokens);
}

/** The merchant a description names, if it names one: the longest alias wins ("uber eats" over "uber"). */
export function knownMerchantIn(tokens: readonly string[]): MerchantEntry | null {
  let best: PhraseMatch<MerchantEntry> | null = null;
  for (const m of findKnownMerchants(tokens)) if (!best || m.length > best.length) best = m;
  return best?.value ?? null;
}
