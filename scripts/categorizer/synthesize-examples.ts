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
import { MONEY_MOVEMENT_RULES } from "~/server/categorize/knowledge/keywords-money-movement";
import { PURPOSE_RULES } from "~/server/categorize/knowledge/keywords-purpose";
import { KNOWN_MERCHANTS } from "~/server/categorize/known-merchants";
import { mirrorForDirection } from "~/server/categorize/mirror-direction";
import { type DetailedSlug, primaryOf } from "~/server/categorize/taxonomy";
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
    "RECURRING PAYMENT ",
  ],
  de: ["", "Kartenzahlung ", "girocard ", "SEPA-Lastschrift ", "Lastschrift ", "EC-Karte ", "Basislastschrift "],
  nl: ["", "BEA, Betaalpas ", "Betaalautomaat ", "iDEAL ", "Incasso ", "GEA, "],
  fr: ["", "CB ", "PAIEMENT CB 1203 ", "CARTE X1234 12/03 ", "PRLV SEPA ", "PAIEMENT PAR CARTE "],
  uk: ["", "CARD PAYMENT TO ", "CONTACTLESS ", "DD ", "VISA "],
  au: ["", "EFTPOS ", "VISA PURCHASE ", "Card Purchase "],
  nordic: ["", "Kortköp ", "VISA ", "Korttiosto ", "Dankort "],
  south: ["", "COMPRA TARJETA ", "PAGO CON TARJETA ", "PAGAMENTO POS "],
  sg: ["", "NETS ", "VISA ", "DEBIT PURCHASE "],
};

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

  purchase(name: string): string {
    const region = this.pick(REGIONS);
    const merchant = this.chance(0.1) ? name.replace(/\s+/g, "") : name;
    return `${this.pick(CARD_PREFIXES[region])}${this.styled(merchant)}${this.place(region)}`.trim();
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
        ? this.pick(CARD_PREFIXES[this.pick(REGIONS)])
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
          this.purchase(this.pick(merchant.aliases.length ? merchant.aliases : [merchant.name])),
          merchant.category,
          "merchants",
        ),
      ),
    );
  }

  ruleExamples(perPhrase: number, maxPhrases: number): LabeledText[] {
    return [...MONEY_MOVEMENT_RULES, ...PURPOSE_RULES].flatMap((rule) => {
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
