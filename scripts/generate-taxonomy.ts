/**
 * Writes src/server/categorize/taxonomy.ts from Plaid's published PFC v2 taxonomy CSV (and the v1
 * descriptions CSV for the meaning of each category), both in ../shared/data/categorization/.
 * The app must not read shared/ at run time, so the taxonomy is committed as generated code.
 *
 *   npx tsx scripts/generate-taxonomy.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { format, resolveConfig } from "prettier";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIR = path.resolve(REPO_ROOT, "../shared/data/categorization");
const OUTPUT = path.join(REPO_ROOT, "src/server/categorize/taxonomy.ts");

const PRIMARY_LABELS: Record<string, string> = {
  INCOME: "Income",
  LOAN_DISBURSEMENTS: "Loan Disbursements",
  LOAN_PAYMENTS: "Loan Payments",
  TRANSFER_IN: "Transfers In",
  TRANSFER_OUT: "Transfers Out",
  BANK_FEES: "Bank Fees",
  ENTERTAINMENT: "Entertainment",
  FOOD_AND_DRINK: "Food & Drink",
  GENERAL_MERCHANDISE: "Shopping",
  HOME_IMPROVEMENT: "Home Improvement",
  MEDICAL: "Medical",
  PERSONAL_CARE: "Personal Care",
  GENERAL_SERVICES: "Services",
  GOVERNMENT_AND_NON_PROFIT: "Government & Non-Profit",
  TRANSPORTATION: "Transportation",
  TRAVEL: "Travel",
  RENT_AND_UTILITIES: "Rent & Utilities",
  OTHER: "Other",
};

/** Labels the mechanical "strip the prefix, title-case" rule gets wrong or makes awkward. */
const DETAILED_LABELS: Record<string, string> = {
  INCOME_SALARY: "Salary & Wages",
  INCOME_OTHER: "Other Income",
  INCOME_GIG_ECONOMY: "Gig Economy",
  LOAN_DISBURSEMENTS_BNPL: "Buy Now, Pay Later",
  LOAN_DISBURSEMENTS_EWA: "Earned Wage Access",
  LOAN_DISBURSEMENTS_OTHER_DISBURSEMENT: "Other Loan Disbursement",
  LOAN_PAYMENTS_EWA: "Earned Wage Access Repayment",
  LOAN_PAYMENTS_CASH_ADVANCES: "Cash Advance Repayment",
  LOAN_PAYMENTS_OTHER_PAYMENT: "Other Loan Payment",
  TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS: "From Investments & Retirement",
  TRANSFER_IN_SAVINGS: "From Savings",
  TRANSFER_IN_ACCOUNT_TRANSFER: "From Own Account",
  TRANSFER_IN_OTHER_TRANSFER_IN: "Other Transfer In",
  TRANSFER_IN_WIRE: "Wire In",
  TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS: "To Investments & Retirement",
  TRANSFER_OUT_SAVINGS: "To Savings",
  TRANSFER_OUT_ACCOUNT_TRANSFER: "To Own Account",
  TRANSFER_OUT_WITHDRAWAL: "Cash Withdrawal",
  TRANSFER_OUT_OTHER_TRANSFER_OUT: "Other Transfer Out",
  TRANSFER_OUT_WIRE: "Wire Out",
  BANK_FEES_ATM_FEES: "ATM Fees",
  BANK_FEES_OTHER_BANK_FEES: "Other Bank Fees",
  ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS: "Events, Parks & Museums",
  ENTERTAINMENT_TV_AND_MOVIES: "TV & Movies",
  ENTERTAINMENT_MUSIC_AND_AUDIO: "Music & Audio",
  ENTERTAINMENT_CASINOS_AND_GAMBLING: "Casinos & Gambling",
  ENTERTAINMENT_OTHER_ENTERTAINMENT: "Other Entertainment",
  FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR: "Beer, Wine & Liquor",
  FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK: "Other Food & Drink",
  GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS: "Books & Newsstands",
  GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES: "Clothing & Accessories",
  GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES: "Gifts & Novelties",
  GENERAL_MERCHANDISE_TOBACCO_AND_VAPE: "Tobacco & Vape",
  GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE: "Other Shopping",
  HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE: "Repair & Maintenance",
  HOME_IMPROVEMENT_OTHER_HOME_IMPROVEMENT: "Other Home Improvement",
  MEDICAL_PHARMACIES_AND_SUPPLEMENTS: "Pharmacies & Supplements",
  MEDICAL_OTHER_MEDICAL: "Other Medical",
  PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS: "Gyms & Fitness",
  PERSONAL_CARE_HAIR_AND_BEAUTY: "Hair & Beauty",
  PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING: "Laundry & Dry Cleaning",
  PERSONAL_CARE_OTHER_PERSONAL_CARE: "Other Personal Care",
  GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING: "Accounting & Financial Planning",
  GENERAL_SERVICES_CONSULTING_AND_LEGAL: "Consulting & Legal",
  GENERAL_SERVICES_POSTAGE_AND_SHIPPING: "Postage & Shipping",
  GENERAL_SERVICES_OTHER_GENERAL_SERVICES: "Other Services",
  GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES: "Government Agencies",
  GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT: "Other Government & Non-Profit",
  TRANSPORTATION_BIKES_AND_SCOOTERS: "Bikes & Scooters",
  TRANSPORTATION_TAXIS_AND_RIDE_SHARES: "Taxis & Ride Shares",
  TRANSPORTATION_OTHER_TRANSPORTATION: "Other Transportation",
  TRAVEL_OTHER_TRAVEL: "Other Travel",
  RENT_AND_UTILITIES_GAS_AND_ELECTRICITY: "Gas & Electricity",
  RENT_AND_UTILITIES_INTERNET_AND_CABLE: "Internet & Cable",
  RENT_AND_UTILITIES_SEWAGE_AND_WASTE_MANAGEMENT: "Sewage & Waste",
  RENT_AND_UTILITIES_OTHER_UTILITIES: "Other Utilities",
  OTHER_OTHER: "Other",
};

/** v2-only categories have no row in the v1 descriptions file; these say what they hold. */
const V2_DESCRIPTIONS: Record<string, string> = {
  INCOME_CHILD_SUPPORT: "Child support payments received",
  INCOME_GIG_ECONOMY: "Payouts from gig-economy and marketplace platforms",
  INCOME_LONG_TERM_DISABILITY: "Long-term disability benefits",
  INCOME_MILITARY: "Military pay",
  INCOME_RENTAL: "Rent received from tenants",
  LOAN_DISBURSEMENTS_AUTO: "Auto loan funds received",
  LOAN_DISBURSEMENTS_BNPL: "Buy now, pay later funds received",
  LOAN_DISBURSEMENTS_CASH_ADVANCES: "Cash advances received, including from cash-advance apps",
  LOAN_DISBURSEMENTS_EWA: "Earned wage access advances received",
  LOAN_DISBURSEMENTS_MORTGAGE: "Mortgage funds received",
  LOAN_DISBURSEMENTS_PERSONAL: "Personal loan funds received",
  LOAN_DISBURSEMENTS_STUDENT: "Student loan funds received",
  LOAN_PAYMENTS_CASH_ADVANCES: "Repayments of cash advances",
  LOAN_PAYMENTS_EWA: "Repayments of earned wage access advances",
  TRANSFER_IN_WIRE: "Incoming wire transfers",
  TRANSFER_OUT_WIRE: "Outgoing wire transfers",
  BANK_FEES_LATE_FEES: "Fees for late payments",
  BANK_FEES_CASH_ADVANCE: "Fees for cash advances",
  OTHER_OTHER: "Other",
};

interface Row {
  primary: string;
  detailed: string;
  v1Detailed: string;
}

function readTaxonomy(): Row[] {
  const records = parse(readFileSync(path.join(SOURCE_DIR, "plaid-pfc-v2-taxonomy.csv")), {
    relaxColumnCount: true,
    skipEmptyLines: true,
  }) as string[][];
  // Row 1 is the header, row 2 Plaid's note about v1/v2; categories follow.
  return records
    .filter((r) => /^[A-Z_]+$/.test(r[0] ?? "") && /^[A-Z_]+$/.test(r[1] ?? ""))
    .map((r) => ({ primary: r[0]!, detailed: r[1]!, v1Detailed: (r[4] ?? "").trim() }));
}

function readV1Descriptions(): Map<string, string> {
  const records = parse(readFileSync(path.join(SOURCE_DIR, "plaid-pfc-v1-descriptions.csv")), {
    columns: true,
    skipEmptyLines: true,
  }) as { DETAILED: string; DESCRIPTION: string }[];
  return new Map(records.map((r) => [r.DETAILED, r.DESCRIPTION.trim()]));
}

function titleCase(slugPart: string): string {
  return slugPart
    .split("_")
    .map((w) => (w === "AND" ? "&" : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(" ");
}

function detailedLabel(primary: string, detailed: string): string {
  return DETAILED_LABELS[detailed] ?? titleCase(detailed.slice(primary.length + 1));
}

/** One object per line, so the generated file diffs line by line when Plaid's list changes. */
function objectLiteral(fields: Record<string, string>): string {
  return `{ ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ")} }`;
}

async function main(): Promise<void> {
  const rows = readTaxonomy();
  const v1 = readV1Descriptions();
  const primaries = [...new Set(rows.map((r) => r.primary))];
  for (const p of primaries) if (!PRIMARY_LABELS[p]) throw new Error(`no label for primary ${p}`);
  const detailed = rows.map((r) => {
    const description = V2_DESCRIPTIONS[r.detailed] ?? v1.get(r.v1Detailed) ?? v1.get(r.detailed);
    if (!description) throw new Error(`no description for ${r.detailed}`);
    return { slug: r.detailed, primary: r.primary, label: detailedLabel(r.primary, r.detailed), description };
  });

  const lines = [
    "/**",
    " * Plaid personal finance categories v2, with human labels. GENERATED by scripts/generate-taxonomy.ts",
    " * from Plaid's published pfc-taxonomy-all.csv (../shared/data/categorization/plaid-pfc-v2-taxonomy.csv)",
    " * and the v1 descriptions CSV; do not edit by hand, edit the script and re-run it.",
    " */",
    'import { z } from "zod";',
    "",
    "export const PRIMARY_CATEGORIES = [",
    ...primaries.map((slug) => `  ${objectLiteral({ slug, label: PRIMARY_LABELS[slug]! })},`),
    "] as const;",
    "",
    "export const DETAILED_CATEGORIES = [",
    ...detailed.map((d) => `  ${objectLiteral(d)},`),
    "] as const;",
    "",
    'export type PrimarySlug = (typeof PRIMARY_CATEGORIES)[number]["slug"];',
    'export type DetailedSlug = (typeof DETAILED_CATEGORIES)[number]["slug"];',
    "",
    "const primarySlugs = PRIMARY_CATEGORIES.map((c) => c.slug) as [PrimarySlug, ...PrimarySlug[]];",
    "const detailedSlugs = DETAILED_CATEGORIES.map((c) => c.slug) as [DetailedSlug, ...DetailedSlug[]];",
    "",
    "/** The zod enums an LLM's structured output and every API input are checked against. */",
    "export const primarySlugSchema = z.enum(primarySlugs);",
    "export const detailedSlugSchema = z.enum(detailedSlugs);",
    "",
    "const detailedBySlug = new Map<string, (typeof DETAILED_CATEGORIES)[number]>(DETAILED_CATEGORIES.map((c) => [c.slug, c]));",
    "",
    "export function isDetailedSlug(slug: string): slug is DetailedSlug {",
    "  return detailedBySlug.has(slug);",
    "}",
    "",
    "export function primaryOf(detailed: DetailedSlug): PrimarySlug {",
    "  return detailedBySlug.get(detailed)!.primary;",
    "}",
    "",
  ];
  const source = await format(lines.join("\n"), { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT });
  writeFileSync(OUTPUT, source);
  console.log(`wrote ${path.relative(REPO_ROOT, OUTPUT)}: ${primaries.length} primaries, ${detailed.length} detailed`);
}

await main();
