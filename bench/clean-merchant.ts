/**
 * The merchant cleaner alone, on a fixed corpus, so its cost can be compared between two versions
 * without the database or the machine's load in the way: every description of the hand-labeled
 * set, the categorize bench's warm statement lines, and two years of the local Plaid server's
 * three sandbox banks (their lines and Plaid's merchant names). Prints µs per description, best
 * of the passes after the first (the first also compiles the code).
 *
 *   npx tsx bench/clean-merchant.ts [--passes N] [--write FILE]
 *
 * `--write` saves every description's cleaned name and key, one JSON line each, to compare two
 * versions byte for byte. Instruction counts do not depend on the machine's load: bundle it
 * (`npx esbuild bench/clean-merchant.ts --bundle --platform=node --format=esm --packages=external
 * --outfile=bench/.clean-merchant.mjs`), run `valgrind --tool=callgrind node --single-threaded
 * bench/.clean-merchant.mjs --passes N` for N = 1 and 4: a third of the difference is one warm pass.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { INSTITUTIONS, BENCHMARK_INSTITUTION_ID } from "~/local-services/plaid/institutions";
import { LocalItem } from "~/local-services/plaid/state/local-item";
import { cleanMerchant } from "~/server/categorize/clean-merchant";
import { SETS, statementRows } from "./statement-rows";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const DEV_SET = path.resolve(REPO_ROOT, "../shared/data/categorization/dev-labeled.csv");

function devDescriptions(): string[] {
  const rows = z.array(z.object({ description: z.string() })).parse(parse(readFileSync(DEV_SET), { columns: true }));
  return rows.map((r) => r.description);
}

function plaidDescriptions(): string[] {
  const banks = INSTITUTIONS.filter((i) => i.institution_id !== BENCHMARK_INSTITUTION_ID);
  return banks.flatMap((institution) => {
    const item = new LocalItem("item-clean-merchant", institution, {
      seed: "clean-merchant",
      today: "2026-11-29",
      webhook: null,
    });
    return [...item.ledger.values()].flatMap((t) => (t.merchantName ? [t.name, t.merchantName] : [t.name]));
  });
}

function corpus(): string[] {
  const bench = statementRows("account", SETS.warm).map((row) => row.description);
  return [...devDescriptions(), ...bench, ...plaidDescriptions()];
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main() {
  const passes = Number(option("--passes") ?? 6);
  const descriptions = corpus();
  const timings: number[] = [];
  let cleaned: ReturnType<typeof cleanMerchant>[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    cleaned = descriptions.map((d) => cleanMerchant(d));
    timings.push(performance.now() - started);
  }
  const out = option("--write");
  if (out)
    writeFileSync(
      out,
      cleaned.map((c, i) => JSON.stringify([descriptions[i], c.displayName, c.key])).join("\n") + "\n",
    );
  const perDescription = (ms: number) => ((1000 * ms) / descriptions.length).toFixed(2);
  const warm = timings.slice(1);
  console.log(
    `${descriptions.length} descriptions (${new Set(descriptions).size} distinct), ${passes} passes: ` +
      `first ${perDescription(timings[0] ?? 0)} µs, best warm ${warm.length ? perDescription(Math.min(...warm)) : "–"} µs per description`,
  );
}

main();
