/**
 * What a column's header says it holds, in the languages of the exports we have seen (English,
 * German, Dutch, French, Spanish, Czech, Hungarian). A header only proposes a role; the column's
 * content must agree (infer-csv-mapping.ts). Higher priority wins among columns of one role.
 */
export type ColumnRole =
  "ignore" | "flag" | "debit" | "credit" | "currency" | "date" | "id" | "account" | "amount" | "payee" | "description";

type Rule = { role: ColumnRole; priority: number; pattern: RegExp };

const RULES: Rule[] = [
  {
    role: "id",
    priority: 1,
    pattern:
      /^(id|transaction id|transactie id|fitid|transaction reference|transactiereferentie|n de transaction|no de transaction|id transakce|transaction reference number|balance transaction id|reference id|buchungsreferenz|record id|referenznummer|transaction number)$/,
  },
  {
    role: "account",
    priority: 3,
    pattern: /^(auftragskonto|iban bban|iban|rekeningnummer|rekening|account|account no|account number|produit)$/,
  },
  { role: "account", priority: 1, pattern: /^(account name|kontonummer|cislo uctu|szamlaszam)$/ },
  // Balances, fees, converted and foreign amounts look like amounts but are not the transaction's.
  {
    role: "ignore",
    priority: 0,
    pattern:
      /balance|saldo|solde|kontostand|egyenleg|zustatek|\b(running|bic|blz|bankleitzahl|original\w*|fremd\w*|foreign|converted|local|exchange|wechselkurs|umrechnungskurs|koers|kurs|rate|fees?|tax|kosten|poplatek|entgelt|refund\w*|shipping|gift|transfer amount|category|kategorie|subcategory|szamla neve|rubrieknaam|kaarthouder|card holder|customer \w+|email \w+|e mail|time|timezone|time zone|status)\b/,
  },
  {
    role: "flag",
    priority: 1,
    pattern:
      /^(d k|c d|cd|d c|dr cr|cr dr|debit credit|credit debit|soll haben|s h|af bij|bij af|in out|transaction type|bevetel kiadas|cd indicator|debit credit indicator)$/,
  },
  {
    role: "debit",
    priority: 1,
    pattern: /\b(debit|debet|debito|withdrawals?|outflow|paid out|money out|soll|ausgaben?|uitgaven?|kiadas|cargo)\b/,
  },
  {
    role: "credit",
    priority: 1,
    pattern: /\b(credit|credito|deposits?|inflow|paid in|money in|haben|einnahmen?|bevetel|abono)\b/,
  },
  {
    role: "currency",
    priority: 1,
    pattern:
      /^(currency|currency code|ccy|cur|curr|wahrung|waehrung|buchungswahrung|munt|monn|devise|devizanem|tranzakcio devizaneme|mena|mena uctu|moneda|divisa|valuta)$/,
  },
  {
    role: "date",
    priority: 1,
    pattern: /\b(value date|valuta\w*|wertstellung|rentedatum|valeur|ertek\w*|available on|settle\w*|verrekening)\b/,
  },
  {
    role: "date",
    priority: 3,
    pattern:
      /\b(transaction date|booking date|buchungstag|buchungsdatum|posting date|posted date|date processed|trans date|date operation|boekdatum|datum verrichting|belegdatum|journal ?date|datum provedeni|datum zauctovani|tranzakcio datuma)\b/,
  },
  { role: "date", priority: 2, pattern: /\b(date|datum|fecha|data|dato|created(?: utc)?|day)\b/ },
  {
    role: "amount",
    priority: 3,
    pattern: /\b(amount|amt|betrag|buchungsbetrag|bedrag|montant|importe|castka|osszege?|summe|bedrag eur|netamount)\b/,
  },
  { role: "amount", priority: 2, pattern: /^(net|net amount)$/ },
  { role: "amount", priority: 1, pattern: /^(gross|total|value|sum)$/ },
  {
    role: "payee",
    priority: 2,
    pattern:
      /\b(payee|merchant( name)?|empfanger|empfaenger|beguenstigter|zahlungspflichtiger|auftraggeber|counterparty|naam tegenpartij|partner name|partner neve|handelaar|beneficiary|nazev protiuctu|counteraccount name|recipient)\b|^to$/,
  },
  { role: "payee", priority: 1, pattern: /^(name|naam|nom|nombre|partner)$/ },
  {
    role: "description",
    priority: 3,
    pattern:
      /\b(description\d*|desc|details?|omschrijving|verwendungszweck|buchungstext|transaktionsbeschreibung|narrative|particulars|libelle|concepto|remarque|mitteilung|mededeling|kozlemeny|zprava|message|reason|vwz\d*|text|items?|item\d+|item title|statement descriptor|memo|toelichting|payment reference)\b/,
  },
  {
    role: "description",
    priority: 1,
    pattern: /\b(notes?|notiz|comments?|remarks?|type|typ\w*|transaktionstyp|umsatzart)\b/,
  },
];

export function normalizeHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function roleOfHeader(name: string): { role: ColumnRole; priority: number } | null {
  const normalized = normalizeHeader(name);
  if (!normalized) return null;
  const rule = RULES.find((r) => r.pattern.test(normalized));
  return rule ? { role: rule.role, priority: rule.priority } : null;
}

/** Words that mark a row's direction in a flag column. */
export const DEBIT_FLAGS = new Set([
  "d",
  "dr",
  "db",
  "debit",
  "debet",
  "o",
  "out",
  "outflow",
  "s",
  "soll",
  "af",
  "-",
  "kiadas",
]);
export const CREDIT_FLAGS = new Set([
  "c",
  "cr",
  "k",
  "credit",
  "kredit",
  "i",
  "in",
  "inflow",
  "h",
  "haben",
  "bij",
  "+",
  "bevetel",
]);
