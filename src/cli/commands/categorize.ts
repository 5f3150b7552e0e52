/**
 * `npm run -s cli -- categorize --json [--offline]` reads JSON lines
 * `{"description":"…","amount":"-12.34"}` on stdin (amount may be null; negative = money out) and
 * writes one line per input: `{"primary":…,"detailed":…,"confidence":…,"source":"model","merchant":…}`.
 * No user and no database: global knowledge only. With an LLM configured (and no --offline) it
 * asks the LLM about each distinct merchant once, the offline model answering whatever it cannot.
 * A line that is not such an object: exit 2 and one line on stderr, `stdin:LINE: reason`, before
 * anything is printed — as `cli import` does for a file.
 */
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import {
  type DescriptionInput,
  type DescriptionVerdict,
  categorizeDescriptions,
  descriptionInput,
} from "~/server/categorize/categorize-descriptions";

const USAGE = "usage: npm run -s cli -- categorize [--json] [--offline] < lines.jsonl";

class LineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`stdin:${line}: ${reason}`);
  }
}

function parseLines(input: string): DescriptionInput[] {
  const parsed: DescriptionInput[] = [];
  input.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new LineError(index + 1, "not valid JSON");
    }
    const result = descriptionInput.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.length ? `${issue.path.join(".")}: ` : "";
      throw new LineError(index + 1, `${field}${issue.message}`);
    }
    parsed.push(result.data);
  });
  return parsed;
}

async function configuredLlm() {
  // Loaded only when wanted, so the offline path never reads LLM settings or loads a provider.
  const { createLanguageModel } = await import("~/server/llm/language-model");
  const { createLlmCategorizer } = await import("~/server/categorize/llm-categorizer");
  const model = createLanguageModel();
  return model && createLlmCategorizer(model);
}

const readable = (v: DescriptionVerdict) =>
  `${v.merchant.padEnd(32)} ${(v.detailed ?? v.primary).padEnd(48)} ${v.confidence.toFixed(2)} ${v.source}`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { json: { type: "boolean" }, offline: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let inputs;
  try {
    inputs = parseLines(await text(process.stdin));
  } catch (error) {
    if (!(error instanceof LineError)) throw error;
    console.error(error.message);
    return 2;
  }
  const verdicts = await categorizeDescriptions(inputs, values.offline ? null : await configuredLlm());
  const lines = verdicts.map((v) => (values.json ? JSON.stringify(v) : readable(v)));
  if (lines.length) process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
