/**
 * Training examples taken from Plaid's own published material (in ../shared/data):
 * the meaning of each category (plaid-pfc-v1-descriptions.csv, mapped to v2 through
 * plaid-pfc-v2-taxonomy.csv) and the transactions in the API examples of Plaid's OpenAPI spec
 * (plaid-api-examples/responses/*.json: name, merchant name and personal_finance_category).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { isDetailedSlug } from "~/server/categorize/taxonomy";
import type { Direction } from "~/server/categorize/knowledge/keyword-rule";
import type { LabeledText } from "./labeled-text";

function v1ToV2(taxonomyCsv: string): Map<string, string> {
  const rows = parse(readFileSync(taxonomyCsv), { relax_column_count: true }) as string[][];
  const map = new Map<string, string>();
  for (const row of rows.slice(2)) {
    const [, v2 = "", , , v1 = ""] = row;
    if (isDetailedSlug(v2) && v1 && !v1.includes("/")) map.set(v1.trim(), v2);
  }
  return map;
}

function toV2(slug: string, map: Map<string, string>): string | null {
  const mapped = map.get(slug) ?? slug;
  return isDetailedSlug(mapped) ? mapped : null;
}

export function plaidDescriptionExamples(sharedDir: string): LabeledText[] {
  const dir = path.join(sharedDir, "data/categorization");
  const map = v1ToV2(path.join(dir, "plaid-pfc-v2-taxonomy.csv"));
  const rows = parse(readFileSync(path.join(dir, "plaid-pfc-v1-descriptions.csv")), { columns: true }) as {
    DETAILED: string;
    DESCRIPTION: string;
  }[];
  return rows.flatMap((row) => {
    const label = toV2(row.DETAILED.trim(), map);
    return label ? [{ text: row.DESCRIPTION.trim(), flow: null, label, source: "plaid-descriptions" }] : [];
  });
}

type PlaidTransaction = {
  name?: string;
  description?: string;
  merchant_name?: string | null;
  amount?: number;
  personal_finance_category?: { detailed?: string } | null;
};

function collectTransactions(value: unknown, found: PlaidTransaction[]) {
  if (Array.isArray(value)) for (const item of value) collectTransactions(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record.personal_finance_category && (record.name || record.description)) found.push(record as PlaidTransaction);
    for (const child of Object.values(record)) collectTransactions(child, found);
  }
}

export function plaidApiExamples(sharedDir: string): LabeledText[] {
  const dir = path.join(sharedDir, "data/categorization/plaid-pfc-v2-taxonomy.csv");
  const map = v1ToV2(dir);
  const responses = path.join(sharedDir, "data/plaid-api-examples/responses");
  const found: PlaidTransaction[] = [];
  for (const file of readdirSync(responses).filter((f) => f.endsWith(".json"))) {
    collectTransactions(JSON.parse(readFileSync(path.join(responses, file), "utf8")), found);
  }
  return found.flatMap((t) => {
    const label = toV2(t.personal_finance_category?.detailed ?? "", map);
    if (!label) return [];
    // Plaid's amounts are positive for money out; ours are the opposite.
    const flow: Direction | null = typeof t.amount === "number" ? (t.amount > 0 ? "out" : "in") : null;
    const texts = [t.name ?? t.description ?? "", t.merchant_name ?? ""].filter(Boolean);
    return texts.map((text) => ({ text, flow, label, source: "plaid-api-examples" }));
  });
}
