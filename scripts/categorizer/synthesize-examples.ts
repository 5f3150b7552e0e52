/**
 * Synthetic bank descriptions for training, generated from the hand-written knowledge in
 * src/server/categorize/knowledge/ (well-known merchants, keyword rules) and the invented names in
 * data/categorizer-training/names.json. Each merchant and phrase is dressed the way card networks
 * and banks of several countries print it: channel prefixes, store numbers, cities, dates,
 * references, cut-off column widths. Seeded, so training is reproducible.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Direction, KeywordRule } from "~/server/categorize/knowledge/keyword-rule";
import { KNOWN_MERCHANTS } from "~/server/categorize/known-merchants";
import { KEYWORD_RULES } from "~/server/categorize/match-knowledge";
import { mirrorForDirection } from "~/server/categorize/mirror-direction";
import { type DetailedSlug, isDetailedSlug, primaryOf } from "~/server/categorize/taxonomy";
import type { LabeledText } from "./labeled-text";

const namesSchema = z.object({
  firstNames: z.array(z.string()).min(1),
  lastNames: z.array(z.string()).min(1),
  companyWords: z.array(z.string()).min(1),
  companySuffixes: z.array(z.string()).min(1),
  shopNames: z.array(z.string()).min(1),
  cities: z.object({
    us: z.array(z.tuple([z.string(), z.string()])).min(1),
    de: z.array(z.string()).min(1),
    nl: z.array(z.string()).min(1),
    fr: z.array(z.string()).min(1),
    uk: z.array(z.string()).min(1),
    au: z.array(z.string()).min(1),
    nordic: z.array(z.string()).min(1),
    south: z.array(z.string()).min(1),
    sg: z.array(z.string()).min(1),
  }),
  compoundHeads: z.array(z.string()).min(1),
  compoundTails: z.array(z.string()).min(1),
});
type Names = z.infer<typeof namesSchema>;

export function loadNames(dataDir: string): Names {
  return namesSchema.parse(JSON.parse(readFileSync(path.join(dataDir, "names.json"), "utf8")));
}

const brandsSchema = z.object({
  brands: z.array(z.tuple([z.string(), z.string().refine(isDetailedSlug, "not a detailed category")])),
});
export type Brand = { name: string; category: DetailedSlug };

/** OpenStreetMap's chain brands with their category (osm-brands.json, see extract-osm-brands.ts). */
export function loadBrands(dataDir: string): Brand[] {
  const { brands } = brandsSchema.parse(JSON.parse(readFileSync(path.join(dataDir, "osm-brands.json"), "utf8")));
  return brands.map(([name, category]) => ({ name, category: category as DetailedSlug }));
}

const shares = z.record(z.string().refine(isDetailedSlug, "not a detailed category"), z.number().positive());
const baseRatesSchema = z.object({ card: shares, debit: shares, credit: shares });
export type BaseRates = z.infer<typeof baseRatesSchema>;

export function loadBaseRates(dataDir: string): BaseRates {
  return baseRatesSchema.parse(JSON.parse(readFileSync(path.join(dataDir, "base-rates.json"), "utf8")));
}

/** How payments to businesses nobody knows are made: mostly by card, some by direct debit, some are credits. */
const UNKNOWN_MERCHANT_CHANNELS = { card: 0.6, debit: 0.2, credit: 0.2 } as const;

/** Below this, a category only appears when its words say so. */
const PRIOR_FLOOR = 0.002;

/**
 * How often each category occurs among the transactions the knowledge leaves to the model — those
 * from businesses it does not know: the base rates mixed by channel, a small floor for the rest.
 */
export function basePrior(rates: BaseRates, classes: readonly string[]): Map<string, number> {
  const prior = new Map(classes.map((c) => [c, PRIOR_FLOOR]));
  for (const channel of ["card", "debit", "credit"] as const) {
    const table = rates[channel];
    const total = Object.values(table).reduce((a, b) => a + b, 0);
    for (const [c, w] of Object.entries(table))
      prior.set(c, (prior.get(c) ?? PRIOR_FLOOR) + (UNKNOWN_MERCHANT_CHANNELS[channel] * w) / total);
  }
  return prior;
}

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Region = keyof Names["cities"];
const REGIONS: Region[] = ["us", "us", "us", "de", "de", "nl", "fr", "uk", "uk", "au", "nordic", "south", "sg"];

/** How a card purchase starts, by region; the empty string is "just the merchant". */
const CARD_PREFIXES: Record<Region, string[]> = {
  us: [
    "",
    "",
    "POS ",
    "POS PURCHASE ",
    "DEBIT CARD PURCHASE ",
    "CHECKCARD 0412 ",
    "PURCHASE AUTHORIZED ON 03/14 ",
    "SQ *",
    "TST* ",
    "VISA DDA PUR ",
  ],
  de: ["", "Kartenzahlung ", "girocard ", "SEPA-Lastschrift ", "Lastschrift ", "EC-Karte ", "Basislastschrift "],
  nl: ["", "BEA, Betaalpas ", "Betaalautomaat ", "iDEAL ", "Incasso "],
  fr: ["", "CB ", "PAIEMENT CB 1203 ", "CARTE X1234 12/03 ", "PRLV SEPA ", "PAIEMENT PAR CARTE "],
  uk: ["", "CARD PAYMENT TO ", "CONTACTLESS ", "VISA "],
  au: ["", "EFTPOS ", "VISA PURCHASE ", "Card Purchase "],
  nordic: ["", "Kortköp ", "VISA ", "Korttiosto ", "Dankort "],
  south: ["", "COMPRA TARJETA ", "PAGO CON TARJETA ", "PAGAMENTO POS "],
  sg: ["", "NETS ", "VISA ", "DEBIT PURCHASE "],
};

/** Toast's prefix: its tills are sold to restaurants, bars and cafés only, so it says "food" on a statement. */
const RESTAURANT_ONLY_PREFIX = "TST* ";

/**
 * How a bill starts: paid by direct debit (UK "DD", SEPA, Nordic and Australian schemes,
 * Singapore's GIRO), through the bank's bill pay (US "ONLINE PMT", "WEB PMT"; Australia's BPAY),
 * or charged to a card on file ("RECURRING PAYMENT").
 */
const DEBIT_PREFIXES = [
  "SEPA-Lastschrift ",
  "Lastschrift ",
  "Basislastschrift ",
  "PRLV SEPA ",
  "Incasso ",
  "DIRECT DEBIT ",
  "DD ",
  "ACH DEBIT ",
  "ACH WITHDRAWAL ",
  "ACH PMT ",
  "PREAUTHORIZED DEBIT ",
  "AUTOPAY ",
  "ONLINE PAYMENT ",
  "ONLINE PMT ",
  "BILL PAY ",
  "BILL PAYMENT ",
  "WEB PMT ",
  "RECURRING PAYMENT ",
  "BPAY ",
  "GIRO ",
  "Autogiro ",
  "Avtalegiro ",
  "Betalingsservice ",
  "Suoramaksu ",
  "Domiciliation ",
  "Addebito diretto ",
  "Recibo ",
  "",
];

/** How money from a business arrives. */
const CREDIT_PREFIXES = [
  "",
  "Gutschrift ",
  "SEPA-Gutschrift ",
  "ACH CREDIT ",
  "VIR SEPA RECU ",
  "CREDIT ",
  "Bijschrijving ",
  "Zahlungseingang ",
];

/** Categories usually paid as a bill, by direct debit, rather than at a till. */
const BILLED = (c: DetailedSlug) =>
  c.startsWith("RENT_AND_UTILITIES_") ||
  c.startsWith("LOAN_PAYMENTS_") ||
  c === "GENERAL_SERVICES_INSURANCE" ||
  c === "ENTERTAINMENT_TV_AND_MOVIES" ||
  c === "ENTERTAINMENT_MUSIC_AND_AUDIO" ||
  c === "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS" ||
  c === "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT";

const SYLLABLES =
  "ka lo mi ne ta ri so vu be da fe gi ho ju ke la mo nu pa re si to wa ze an el in or us ber dor fin gal har kin lor mar nor pel ran sor tem vin".split(
    " ",
  );

const TRANSFER_PREFIXES = [
  "",
  "SEPA-Überweisung ",
  "Überweisung ",
  "Dauerauftrag ",
  "VIR SEPA ",
  "Overboeking ",
  "ONLINE TRANSFER ",
  "ACH CREDIT ",
  "ACH DEBIT ",
  "FASTER PAYMENT ",
  "BACS ",
  "Gutschrift ",
];

export class Synthesizer {
  constructor(
    private readonly rng: Rng,
    private readonly names: Names,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.rng() < p;
  }

  private digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += Math.floor(this.rng() * 10);
    return out;
  }

  private person(): string {
    return `${this.pick(this.names.firstNames)} ${this.pick(this.names.lastNames)}`;
  }

  private company(): string {
    return `${this.pick(this.names.companyWords)} ${this.pick(this.names.companySuffixes)}`;
  }

  /** Bank statements mostly shout; some keep the case, a few cut the text at a column width. */
  private styled(text: string): string {
    const cased = this.chance(0.6) ? text.toUpperCase() : this.chance(0.2) ? text.toLowerCase() : text;
    return this.chance(0.12) ? cased.slice(0, 18 + Math.floor(this.rng() * 8)) : cased;
  }

  /** Where the purchase happened, as the card network appends it. */
  private place(region: Region): string {
    if (region === "us") {
      const [city, state] = this.pick(this.names.cities.us);
      return this.pick([
        ` ${city} ${state}`,
        ` #${this.digits(4)} ${city} ${state}`,
        ` ${this.digits(5)} ${city.toUpperCase()} ${state}`,
        "",
      ]);
    }
    const city = this.pick(this.names.cities[region]);
    const country = { de: "DE", nl: "NL", fr: "FR", uk: "GB", au: "AU", nordic: "SE", south: "ES", sg: "SG" }[region];
    return this.pick([
      ` ${city}`,
      ` ${city} ${country}`,
      ` ${this.digits(4)} ${city}`,
      ` ${this.digits(2)}.${this.digits(2)}`,
      "",
    ]);
  }

  /** A payment to a business: at a till or online for shops, by direct debit for bills. */
  purchase(name: string, category: DetailedSlug): string {
    const region = this.pick(REGIONS);
    const merchant = this.chance(0.1) ? name.replace(/\s+/g, "") : name;
    if (BILLED(category) && this.chance(0.7)) {
      return `${this.pick(DEBIT_PREFIXES)}${this.styled(merchant)}${this.chance(0.3) ? ` ${this.digits(8)}` : ""}`.trim();
    }
    return `${this.cardPrefix(region, category)}${this.styled(merchant)}${this.place(region)}`.trim();
  }

  /** How the card network starts a purchase in this region, as it would for this category. */
  private cardPrefix(region: Region, category: DetailedSlug): string {
    const prefix = this.pick(CARD_PREFIXES[region]);
    return prefix === RESTAURANT_ONLY_PREFIX && primaryOf(category) !== "FOOD_AND_DRINK" ? "" : prefix;
  }

  /** A name that means nothing, so the model learns what the rest of the line says without one. */
  private inventedName(): string {
    const word = () => {
      const n = 2 + Math.floor(this.rng() * 2);
      const w = Array.from({ length: n }, () => this.pick(SYLLABLES)).join("");
      return w.charAt(0).toUpperCase() + w.slice(1);
    };
    return this.chance(0.5) ? word() : `${word()} ${this.chance(0.5) ? word() : this.pick(this.names.companySuffixes)}`;
  }

  private byShare(table: Record<string, number>): DetailedSlug {
    const entries = Object.entries(table);
    let roll = this.rng() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [category, weight] of entries) if ((roll -= weight) < 0) return category as DetailedSlug;
    return entries[entries.length - 1]![0] as DetailedSlug;
  }

  /** Payments to and from businesses nobody knows, labeled by how such payments usually split. */
  unknownMerchantExamples(count: number, rates: BaseRates): LabeledText[] {
    return Array.from({ length: count }, () => {
      const roll = this.rng();
      const name = this.chance(0.3) ? this.pick(this.names.shopNames) : this.inventedName();
      if (roll < UNKNOWN_MERCHANT_CHANNELS.card) {
        const region = this.pick(REGIONS);
        const label = this.byShare(rates.card);
        const text = `${this.cardPrefix(region, label)}${this.styled(name)}${this.place(region)}`.trim();
        return { text, flow: "out", label, source: "unknown-merchants" };
      }
      if (roll < UNKNOWN_MERCHANT_CHANNELS.card + UNKNOWN_MERCHANT_CHANNELS.debit) {
        const text = `${this.pick(DEBIT_PREFIXES)}${this.styled(name)} ${this.digits(8)}`.trim();
        return { text, flow: "out", label: this.byShare(rates.debit), source: "unknown-merchants" };
      }
      const text = `${this.pick(CREDIT_PREFIXES)}${this.styled(name)}`.trim();
      return { text, flow: "in", label: this.byShare(rates.credit), source: "unknown-merchants" };
    });
  }

  /** A phrase from a rule in context: alone, with a counterparty, or behind a transfer prefix. */
  phraseInContext(phrase: string, rule: KeywordRule): string {
    const spelled = this.expandPartial(phrase);
    const withWord = rule.and ? `${spelled} ${this.pick(rule.and)}` : spelled;
    const counterparty =
      rule.strength === "purpose" || rule.strength === "hint"
        ? this.pick(this.names.shopNames)
        : this.chance(0.5)
          ? this.company()
          : this.person();
    const body = this.pick([
      withWord,
      `${withWord} ${counterparty}`,
      `${counterparty} ${withWord}`,
      `${withWord} ${this.digits(6)}`,
    ]);
    const prefix =
      rule.strength === "purpose" || rule.strength === "hint"
        ? this.cardPrefix(this.pick(REGIONS), rule.then)
        : this.pick(TRANSFER_PREFIXES);
    return `${prefix}${this.styled(body)}`.trim();
  }

  private expandPartial(phrase: string): string {
    if (phrase.startsWith("*")) return `${this.pick(this.names.compoundHeads)}${phrase.slice(1).replace(/\*$/, "")}`;
    if (phrase.endsWith("*")) return `${phrase.slice(0, -1)}${this.pick(this.names.compoundTails)}`;
    return phrase;
  }

  /** Money in for income-like categories, out for spending (with a few refunds), either way for transfers. */
  flowFor(category: DetailedSlug, written?: Direction): Direction {
    if (written) return written;
    const primary = primaryOf(category);
    if (primary === "INCOME" || primary === "TRANSFER_IN" || primary === "LOAN_DISBURSEMENTS") return "in";
    if (
      primary === "TRANSFER_OUT" ||
      primary === "LOAN_PAYMENTS" ||
      category === "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT"
    ) {
      return this.chance(0.35) ? "in" : "out";
    }
    return this.chance(0.05) ? "in" : "out";
  }

  private example(text: string, written: DetailedSlug, source: string, direction?: Direction): LabeledText {
    const flow = this.flowFor(written, direction);
    return { text, flow, label: mirrorForDirection(written, flow), source };
  }

  merchantExamples(perMerchant: number): LabeledText[] {
    return KNOWN_MERCHANTS.flatMap((merchant) =>
      Array.from({ length: perMerchant }, () =>
        this.example(
          this.purchase(this.pick(merchant.aliases.length ? merchant.aliases : [merchant.name]), merchant.category),
          merchant.category,
          "merchants",
        ),
      ),
    );
  }

  brandExamples(brands: readonly Brand[], perBrand: number): LabeledText[] {
    return brands.flatMap((brand) =>
      Array.from({ length: perBrand }, () =>
        this.example(this.purchase(brand.name, brand.category), brand.category, "osm-brands"),
      ),
    );
  }

  ruleExamples(perPhrase: number, maxPhrases: number): LabeledText[] {
    // A rule for a phrase standing alone decides exactly that case; taught to the model, its
    // words would also pull the phrase beside a name ("PAYMENT RECEIVED ACME") its way.
    return KEYWORD_RULES.filter((rule) => !rule.alone).flatMap((rule) => {
      const phrases = [...rule.when].sort(() => this.rng() - 0.5).slice(0, maxPhrases);
      return phrases.flatMap((phrase) =>
        Array.from({ length: perPhrase }, () =>
          this.example(this.phraseInContext(phrase, rule), rule.then, "keywords", rule.direction),
        ),
      );
    });
  }

  /** Money between people with no purpose: transfers by direction. */
  personTransfers(count: number): LabeledText[] {
    return Array.from({ length: count }, () => {
      const text = `${this.pick(TRANSFER_PREFIXES)}${this.styled(this.person())}`.trim();
      return this.example(text, "TRANSFER_OUT_ACCOUNT_TRANSFER", "person-transfers");
    });
  }
}
