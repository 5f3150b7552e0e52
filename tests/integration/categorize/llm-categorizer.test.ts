import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalLlmServer, startLocalLlmServer } from "~/local-services/llm/local-llm-server";
import { type MerchantQuestion, createLlmCategorizer } from "~/server/categorize/llm-categorizer";
import { createLanguageModel } from "~/server/llm/language-model";
import { answerEveryId } from "./local-llm-answers";

let llm: LocalLlmServer;
const model = () => createLanguageModel({ baseURL: llm.url, apiKey: "test-key", model: "gpt-4o-mini" })!;

const merchants = (n: number): MerchantQuestion[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `merchant ${i}`,
    displayName: `Merchant ${i}`,
    example: `POS MERCHANT ${i} #0${i}`,
    amount: "-9.99",
  }));

beforeAll(async () => {
  llm = await startLocalLlmServer({ apiKey: "test-key" });
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.script.reset();
  llm.requests.length = 0;
});

describe("LLM categorization over the OpenAI protocol", () => {
  it("asks about many merchants per call, constrained to the taxonomy, at temperature 0", async () => {
    llm.script.respondWith(answerEveryId("FOOD_AND_DRINK_COFFEE"));
    const usage: number[] = [];
    const verdicts = await createLlmCategorizer(model(), {
      onUsage: async (u) => void usage.push(u.inputTokens),
    }).categorize(merchants(120));
    const calls = llm.chatRequests();
    expect(calls).toHaveLength(3);
    expect(calls[0]!.temperature).toBe(0);
    expect(calls[0]!.response_format?.type).toBe("json_schema");
    expect(JSON.stringify(calls[0]!.response_format)).toContain("FOOD_AND_DRINK_COFFEE");
    expect(verdicts.size).toBe(120);
    expect(verdicts.get("merchant 119")).toEqual({
      primary: "FOOD_AND_DRINK",
      detailed: "FOOD_AND_DRINK_COFFEE",
      confidence: 0.9,
      source: "LLM",
    });
    expect(usage).toHaveLength(3);
    expect(usage.every((tokens) => tokens > 0)).toBe(true);
  });

  it("gives no verdict, and no error, when the answer is not JSON — and still counts the tokens it cost", async () => {
    llm.script.garbage();
    const usage: number[] = [];
    const categorizer = createLlmCategorizer(model(), { onUsage: async (u) => void usage.push(u.outputTokens) });
    await expect(categorizer.categorize(merchants(3))).resolves.toEqual(new Map());
    expect(usage).toHaveLength(1);
    expect(usage[0]).toBeGreaterThan(0);
  });

  it("keeps the valid rows of an answer that names an unknown category", async () => {
    llm.script.json({
      results: [
        { id: 0, category: "TRAVEL_FLIGHTS", confidence: 0.8 },
        { id: 1, category: "MADE_UP_CATEGORY", confidence: 0.99 },
      ],
    });
    const verdicts = await createLlmCategorizer(model()).categorize(merchants(2));
    expect([...verdicts.keys()]).toEqual(["merchant 0"]);
    expect(verdicts.get("merchant 0")).toMatchObject({ primary: "TRAVEL", detailed: "TRAVEL_FLIGHTS" });
  });

  it("gives up on a slow LLM within its timeout", async () => {
    llm.script.text("{}", { delayMs: 2_000 });
    const started = Date.now();
    await expect(createLlmCategorizer(model(), { timeoutMs: 300 }).categorize(merchants(2))).resolves.toEqual(
      new Map(),
    );
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("survives server errors after one retry", async () => {
    llm.script.httpError(500).httpError(500);
    await expect(createLlmCategorizer(model()).categorize(merchants(2))).resolves.toEqual(new Map());
    expect(llm.chatRequests()).toHaveLength(2);
  });
});
