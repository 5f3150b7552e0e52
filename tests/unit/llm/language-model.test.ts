import { describe, expect, it } from "vitest";
import { batchApiEndpoint, createLanguageModel, llmConfigFrom } from "~/server/llm/language-model";
import { estimateMicroDollars } from "~/server/llm/record-usage";

const unset = {
  LLM_BASE_URL: undefined,
  LLM_API_KEY: undefined,
  LLM_MODEL: "gpt-4o-mini",
  ANTHROPIC_API_KEY: undefined,
  ANTHROPIC_MODEL: "claude-haiku-4-5",
  LLM_BATCH_API: "auto" as const,
};

describe("choosing the LLM provider", () => {
  it("runs offline when nothing is configured", () => {
    expect(llmConfigFrom(unset)).toBeNull();
    expect(createLanguageModel(null)).toBeNull();
  });

  it("uses Anthropic's Messages API when only its key is set", () => {
    const config = llmConfigFrom({ ...unset, ANTHROPIC_API_KEY: "sk-ant-test" });
    expect(config).toEqual({ provider: "anthropic", apiKey: "sk-ant-test", model: "claude-haiku-4-5" });
    const model = createLanguageModel(config);
    expect(model).toMatchObject({ provider: "anthropic.messages", modelId: "claude-haiku-4-5" });
  });

  it("uses the OpenAI-compatible endpoint, over Chat Completions, when LLM_BASE_URL is set", () => {
    const config = llmConfigFrom({ ...unset, LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.2" });
    expect(config).toEqual({
      provider: "openai-compatible",
      baseURL: "http://127.0.0.1:11434/v1",
      apiKey: "not-needed",
      model: "llama3.2",
    });
    expect(createLanguageModel(config)).toMatchObject({ provider: "openai.chat", modelId: "llama3.2" });
  });

  it("keeps a chosen endpoint even when an Anthropic key is around", () => {
    const config = llmConfigFrom({ ...unset, LLM_BASE_URL: "http://127.0.0.1:11434/v1", ANTHROPIC_API_KEY: "sk-ant" });
    expect(config?.provider).toBe("openai-compatible");
  });
});

describe("when the Batch API is used", () => {
  const openAi = { baseURL: "https://api.openai.com/v1", apiKey: "sk", model: "gpt-4o-mini" };
  const local = { baseURL: "http://127.0.0.1:4030/v1", apiKey: "k", model: "gpt-4o-mini" };
  const anthropic = { provider: "anthropic" as const, apiKey: "sk-ant", model: "claude-haiku-4-5" };

  it("auto: at OpenAI itself only", () => {
    expect(batchApiEndpoint(openAi, "auto")).toBe(openAi);
    expect(batchApiEndpoint(local, "auto")).toBeNull();
  });

  it("on: at any OpenAI-compatible endpoint, never Anthropic", () => {
    expect(batchApiEndpoint(local, "on")).toBe(local);
    expect(batchApiEndpoint(anthropic, "on")).toBeNull();
    expect(batchApiEndpoint(null, "on")).toBeNull();
  });

  it("off: never, not even at OpenAI", () => {
    expect(batchApiEndpoint(openAi, "off")).toBeNull();
  });
});

describe("estimated cost", () => {
  it("prices by model, in whole micro-dollars", () => {
    // gpt-4o-mini: $0.15 in / $0.60 out per million tokens.
    expect(estimateMicroDollars({ purpose: "t", model: "gpt-4o-mini", inputTokens: 1_000_000, outputTokens: 0 })).toBe(
      150_000,
    );
    // claude-haiku-4-5: $1 in / $5 out.
    expect(
      estimateMicroDollars({ purpose: "t", model: "claude-haiku-4-5", inputTokens: 2_000, outputTokens: 1_000 }),
    ).toBe(7_000);
    // A dated snapshot takes its family's price, not the bigger sibling's.
    expect(
      estimateMicroDollars({ purpose: "t", model: "gpt-4o-mini-2024-07-18", inputTokens: 0, outputTokens: 1_000 }),
    ).toBe(600);
  });

  it("charges half through the Batch API", () => {
    const usage = { purpose: "t", model: "gpt-4o", inputTokens: 10_000, outputTokens: 2_000 };
    expect(estimateMicroDollars(usage)).toBe(45_000);
    expect(estimateMicroDollars({ ...usage, batch: true })).toBe(22_500);
  });
});
