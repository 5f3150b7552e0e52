/**
 * What every bench returns, and how figures are printed. Goals are reported, never asserted: a
 * missed goal is a finding for docs/BENCHMARKS.md, not a crash, so only a failure to measure
 * exits non-zero.
 */
import { pathToFileURL } from "node:url";
import { dropBenchTemplate } from "./bench-database";

export type Metric = { name: string; value: number; unit: string; goal: string | null; met: boolean | null };

export type BenchResult = { bench: string; seconds: number; metrics: Metric[] } | { bench: string; error: string };

const verdict = (m: Metric) => (m.met === null ? "" : m.met ? "met" : "NOT MET");

export function formatTable(results: BenchResult[]): string {
  const rows: string[][] = [["figure", "value", "unit", "goal", ""]];
  for (const result of results) {
    if ("error" in result) rows.push([`${result.bench}: FAILED — ${result.error}`, "", "", "", ""]);
    else for (const m of result.metrics) rows.push([m.name, String(m.value), m.unit, m.goal ?? "", verdict(m)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** A goal as `npm run bench -- --json` prints it: the number, and which way the figure must lie. */
function parseGoal(goal: string | null): { goal: number | null; comparison: string | null } {
  const match = goal === null ? null : /^(<=|>=|<|>|=)?\s*(-?[\d.]+)$/.exec(goal);
  return match ? { goal: Number(match[2]), comparison: match[1] ?? "=" } : { goal: null, comparison: null };
}

/** `{"name": {"value": N, "unit": "…", "goal": N, …}}` over every measured figure. */
export function metricsByName(results: BenchResult[]) {
  return Object.fromEntries(
    results.flatMap((result) =>
      "error" in result
        ? []
        : result.metrics.map((m) => [m.name, { value: m.value, unit: m.unit, ...parseGoal(m.goal), met: m.met }]),
    ),
  );
}

/** Lets `npx tsx bench/<name>.ts` run one bench alone, printed as `npm run bench` prints it. */
export function runWhenMain(meta: ImportMeta, bench: string, run: () => Promise<Metric[]>) {
  if (!process.argv[1] || meta.url !== pathToFileURL(process.argv[1]).href) return;
  const started = performance.now();
  run()
    .finally(dropBenchTemplate)
    .then(
      (metrics) => {
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        console.log(formatTable([{ bench, seconds, metrics }]));
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
}
