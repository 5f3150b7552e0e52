/** `npm run -s cli -- categorize --json`, the exact form checks rely on, run as a real process. */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalLlmServer, startLocalLlmServer } from "~/local-services/llm/local-llm-server";
import type { ChatCompletionRequest } from "~/local-services/llm/llm-script";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
/** No database and no LLM: the offline path must need neither. */
const OFFLINE = { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", LLM_BASE_URL: "", ANTHROPIC_API_KEY: "" };

function cli(
  stdin: string,
  env: Record<string, string> = OFFLINE,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "src/cli/main.ts", "categorize", "--json"], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const lines = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join("\n") + "\n";
const outputOf = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let llm: LocalLlmServer;
beforeAll(async () => {
  llm = await startLocalLlmServer({ apiKey: "test-key" });
});
afterAll(() => llm.close());

describe("npm run -s cli -- categorize --json", () => {
  it("answers each line offline, with no user, database or LLM", { timeout: 60_000 }, async () => {
    const result = await cli(
      lines(
        { description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA", amount: "-4.50" },
        { description: "PAYROLL DIRECT DEPOSIT ACME CORP", amount: "2500.00" },
        { description: "ATM WITHDRAWAL 1234 MAIN ST", amount: null },
        { description: "AMZN Mktp US*2K4LL0" },
      ),
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const output = outputOf(result.stdout);
    expect(output).toHaveLength(4);
    expect(output[0]).toEqual({
      primary: "FOOD_AND_DRINK",
      detailed: "FOOD_AND_DRINK_COFFEE",
      confidence: expect.any(Number),
      source: "model",
      merchant: "Blue Bottle Coffee",
    });
    expect(output.map((o) => o.detailed)).toEqual([
      "FOOD_AND_DRINK_COFFEE",
      "INCOME_SALARY",
      "TRANSFER_OUT_WITHDRAWAL",
      "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
    ]);
    for (const o of output) expect(o.confidence).toBeGreaterThan(0.5);
  });

  it("exits 2 naming the line of a malformed input, printing nothing else", { timeout: 60_000 }, async () => {
    const good = JSON.stringify({ description: "STARBUCKS 0412", amount: "-5.00" });
    await expect(cli(`${good}\n\n{"description":"x","amount":"12,30"}\n`)).resolves.toEqual({
      code: 2,
      stdout: "",
      stderr: 'stdin:3: amount: must be a decimal string like "-12.34", or null\n',
    });
    await expect(cli(`${good}\nnot json\n`)).resolves.toEqual({
      code: 2,
      stdout: "",
      stderr: "stdin:2: not valid JSON\n",
    });
  });

  it("with an LLM configured, asks it once about each distinct merchant", { timeout: 60_000 }, async () => {
    llm.script.respondWith((request: ChatCompletionRequest) => {
      const prompt = String(request.messages?.find((m) => m.role === "user")?.content ?? "");
      const ids = [...prompt.matchAll(/"id":(\d+)/g)].map((m) => Number(m[1]));
      return {
        type: "json",
        value: { results: ids.map((id) => ({ id, category: "TRAVEL_LODGING", confidence: 0.8 })) },
      };
    });
    const result = await cli(
      lines(
        { description: "QUILLON BRASSWORKS 0042 PORTLAND OR", amount: "-80.00" },
        { description: "POS QUILLON BRASSWORKS #77", amount: "-20.00" },
        { description: "MARROW ATELIER", amount: "-15.00" },
      ),
      { ...OFFLINE, LLM_BASE_URL: llm.url, LLM_API_KEY: "test-key" },
    );
    expect(result.code).toBe(0);
    expect(outputOf(result.stdout)).toEqual([
      { primary: "TRAVEL", detailed: "TRAVEL_LODGING", confidence: 0.8, source: "llm", merchant: "Quillon Brassworks" },
      { primary: "TRAVEL", detailed: "TRAVEL_LODGING", confidence: 0.8, source: "llm", merchant: "Quillon Brassworks" },
      { primary: "TRAVEL", detailed: "TRAVEL_LODGING", confidence: 0.8, source: "llm", merchant: "Marrow Atelier" },
    ]);
    const calls = llm.chatRequests();
    expect(calls).toHaveLength(1);
    expect(String(calls[0]!.messages?.at(-1)?.content).match(/"id":/g)).toHaveLength(2);
  });
});
