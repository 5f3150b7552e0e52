/**
 * The banks the local server offers. The first ids are Plaid's own sandbox institutions, so a
 * flow written against the local server works unchanged against Plaid's sandbox.
 */
export interface LocalInstitution {
  institution_id: string;
  name: string;
  url: string;
  primary_color: string;
  routing_numbers: string[];
  accounts: {
    checking: { name: string; official_name: string };
    savings: { name: string; official_name: string };
    credit: { name: string; official_name: string; limitCents: number };
  };
  /** Mean everyday purchases per day; recurring bills, pay and transfers come on top. */
  dailyPurchases: number;
  historyDays: number;
}

export const BENCHMARK_INSTITUTION_ID = "ins_local_benchmark";

export const INSTITUTIONS: readonly LocalInstitution[] = [
  {
    institution_id: "ins_109508",
    name: "First Platypus Bank",
    url: "https://www.firstplatypusbank.example",
    primary_color: "#1f6f8b",
    routing_numbers: ["011401533"],
    accounts: {
      checking: { name: "Everyday Checking", official_name: "Platypus Everyday Checking" },
      savings: { name: "Way2Save Savings", official_name: "Platypus Way2Save Savings" },
      credit: { name: "Platinum Card", official_name: "Platypus Platinum Visa Signature", limitCents: 1_200_000 },
    },
    dailyPurchases: 2.6,
    historyDays: 730,
  },
  {
    institution_id: "ins_109509",
    name: "First Gingham Credit Union",
    url: "https://www.firstgingham.example",
    primary_color: "#8b1f4a",
    routing_numbers: ["021000021"],
    accounts: {
      checking: { name: "Share Draft", official_name: "Gingham Share Draft Checking" },
      savings: { name: "Share Savings", official_name: "Gingham Regular Share Savings" },
      credit: { name: "Rewards Visa", official_name: "Gingham Rewards Visa Platinum", limitCents: 800_000 },
    },
    dailyPurchases: 2.2,
    historyDays: 730,
  },
  {
    institution_id: "ins_109511",
    name: "Tartan Bank",
    url: "https://www.tartanbank.example",
    primary_color: "#2d5b2a",
    routing_numbers: ["011000138"],
    accounts: {
      checking: { name: "Total Checking", official_name: "Tartan Total Checking" },
      savings: { name: "Premier Savings", official_name: "Tartan Premier Savings" },
      credit: {
        name: "Freedom Unlimited",
        official_name: "Tartan Freedom Unlimited Mastercard",
        limitCents: 1_500_000,
      },
    },
    dailyPurchases: 3.0,
    historyDays: 730,
  },
  {
    // About 100,000 transactions over two years: for `npm run bench`, not for people.
    institution_id: BENCHMARK_INSTITUTION_ID,
    name: "Benchmark Savings & Loan (100k transactions)",
    url: "https://www.benchmark.example",
    primary_color: "#444444",
    routing_numbers: ["011200365"],
    accounts: {
      checking: { name: "Business Checking", official_name: "Benchmark Business Checking" },
      savings: { name: "Business Savings", official_name: "Benchmark Business Savings" },
      credit: { name: "Business Card", official_name: "Benchmark Business Card", limitCents: 100_000_000 },
    },
    dailyPurchases: 135.4,
    historyDays: 730,
  },
];

export function findInstitution(institutionId: string): LocalInstitution | undefined {
  return INSTITUTIONS.find((institution) => institution.institution_id === institutionId);
}
