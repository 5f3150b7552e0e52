/**
 * Primary-category accuracy of the offline categorizer on the hand-labeled evaluation set
 * (../shared/data/categorization/dev-labeled.csv), AMBIGUOUS rows excluded, with a confusion
 * summary by category — never the rows themselves, so the set stays a measurement and does not
 * become training material by being read.
 *
 *   npm run eval:categorizer            (add -- --json for one machine-readable line)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { predictOffline } from "~/server/categorize/predict-offline";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const DEV_SET = path.resolve(REPO_ROOT, "../shared/data/categorization/dev-labeled.csv");
const GOAL = 0.85;

const rowSchema = z.object({
  description: z.string(),
  amount: z.string(),
  primary: z.string().min(1),
  detailed: z.string(),
});

type Tally = { right: number; total: number };
const tally = (): Tally => ({ right: 0, total: 0 });
const pct = (t: Tally) => (t.total ? `${((100 * t.right) / t.total).toFixed(1)} %` : "–");

function main() {
  const json = process.argv.includes("--json");
  const rows = z.array(rowSchema).parse(parse(readFileSync(DEV_SET), { columns: true, skip_empty_lines: true }));
  const scored = rows.filter((r) => r.primary !== "AMBIGUOUS");
  const overall = tally();
  const detailed = tally();
  const byBasis = new Map<string, Tally>();
  const byExpected = new Map<string, Tally>();
  const confusions = new Map<string, number>();
  const byConfidence = new Map<string, Tally>();
  const started = performance.now();
  for (const row of scored) {
    const amount = row.amount.trim() ? row.amount.trim() : null;
    const p = predictOffline({ description: row.description, amount });
    const right = p.primary === row.primary;
    for (const t of [overall, byBasis.get(p.basis) ?? byBasis.set(p.basis, tally()).get(p.basis)!]) {
      t.total++;
      if (right) t.right++;
    }
    const bucket = `${p.basis === "model" ? "model" : "knowledge"} ${(Math.floor(p.confidence * 5) / 5).toFixed(1)}+`;
    const b = byConfidence.get(bucket) ?? byConfidence.set(bucket, tally()).get(bucket)!;
    b.total++;
    if (right) b.right++;
    const expected = byExpected.get(row.primary) ?? byExpected.set(row.primary, tally()).get(row.primary)!;
    expected.total++;
    if (right) expected.right++;
    else {
      const pair = `${row.primary} → ${p.primary} (by ${p.basis})`;
      confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
    }
    if (row.detailed.trim()) {
      detailed.total++;
      if (p.detailed === row.detailed.trim()) detailed.right++;
    }
  }
  const ms = performance.now() - started;
  const accuracy = overall.right / overall.total;

  if (json) {
    console.log(
      JSON.stringify({
        accuracy,
        right: overall.right,
        total: overall.total,
        excludedAmbiguous: rows.length - scored.length,
      }),
    );
  } else {
    console.log(
      `dev-labeled.csv: ${rows.length} rows, ${rows.length - scored.length} AMBIGUOUS excluded, ${scored.length} scored`,
    );
    console.log(`primary accuracy: ${overall.right}/${overall.total} = ${pct(overall)} (goal ≥ ${GOAL * 100} %)`);
    console.log(
      `detailed accuracy (rows labeled with a detailed category): ${detailed.right}/${detailed.total} = ${pct(detailed)}`,
    );
    console.log(`\nby what decided:`);
    for (const [basis, t] of [...byBasis].sort((a, b) => b[1].total - a[1].total))
      console.log(`  ${basis.padEnd(10)} ${String(t.total).padStart(4)} rows, ${pct(t)} right`);
    console.log(`\ncalibration (stated confidence → share right):`);
    for (const [bucket, t] of [...byConfidence].sort((a, b) => a[0].localeCompare(b[0])))
      console.log(`  ${bucket.padEnd(16)} ${String(t.total).padStart(4)} rows, ${pct(t)} right`);
    console.log(`\nrecall by labeled primary:`);
    for (const [primary, t] of [...byExpected].sort((a, b) => b[1].total - a[1].total))
      console.log(`  ${primary.padEnd(28)} ${t.right}/${t.total} = ${pct(t)}`);
    console.log(`\nmost frequent confusions (labeled → predicted, and what decided):`);
    for (const [pair, n] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`  ${String(n).padStart(3)}  ${pair}`);
    console.log(`\n${scored.length} predictions in ${ms.toFixed(0)} ms (model load included)`);
  }
  process.exitCode = accuracy >= GOAL ? 0 : 1;
}

main();
