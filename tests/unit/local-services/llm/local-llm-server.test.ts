import { createOpenAI } from "@ai-sdk/openai";
import { APICallError, NoObjectGeneratedError, Output, generateText, stepCountIs, streamText, tool } from "ai";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type LocalLlmServer, startLocalLlmServer } from "~/local-services/llm/local-llm-server";

let server: LocalLlmServer;
const model = () => createOpenAI({ baseURL: server.url, apiKey: "test-key" }).chat("gpt-4o-mini");
const sdk = () => new OpenAI({ baseURL: server.url, apiKey: "test-key", maxRetries: 0 });

beforeAll(async () => {
  server = await startLocalLlmServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.script.reset();
  server.requests.length = 0;
});

describe("chat completions through the AI SDK", () => {
  it("answers deterministically when nothing is scripted", async () => {
    const first = await generateText({ model: model(), prompt: "How much did I spend?" });
    const second = await generateText({ model: model(), prompt: "How much did I spend?" });
    expect(first.text).toBe("Local test model received: How much did I spend?");
    expect(second.text).toBe(first.text);
    expect(first.usage.inputTokens).toBeGreaterThan(0);
  });

  it("streams text word by word over SSE", async () => {
    server.script.text("Groceries cost you 123.45 USD in March.");
    const result = streamText({ model: model(), prompt: "groceries?" });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join("")).toBe("Groceries cost you 123.45 USD in March.");
    expect(deltas.length).toBeGreaterThan(3);
    expect(server.chatRequests()[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("runs a full tool loop: a streamed tool call, its execution, then the final answer", async () => {
    server.script.toolCall("spendingInPeriod", { from: "2026-03-01", to: "2026-03-31", category: "FOOD_AND_DRINK" });
    server.script.text("You spent 42.10 USD on food in March.");
    const seen: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: "food in March?",
      tools: {
        spendingInPeriod: tool({
          inputSchema: z.object({ from: z.string(), to: z.string(), category: z.string() }),
          execute: async (input) => {
            seen.push(input);
            return { total: "42.10", currency: "USD" };
          },
        }),
      },
      stopWhen: stepCountIs(3),
    });
    expect(await result.text).toBe("You spent 42.10 USD on food in March.");
    expect(seen).toEqual([{ from: "2026-03-01", to: "2026-03-31", category: "FOOD_AND_DRINK" }]);
    const [, secondCall] = server.chatRequests();
    expect(secondCall?.tools?.map((t) => t.function.name)).toEqual(["spendingInPeriod"]);
    const toolMessage = secondCall?.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(String(toolMessage?.content))).toEqual({ total: "42.10", currency: "USD" });
  });

  it("closes a tool loop on its own by summarising the tool result", async () => {
    server.script.toolCall("lookup", { q: "x" });
    const result = await generateText({
      model: model(),
      prompt: "look it up",
      tools: { lookup: tool({ inputSchema: z.object({ q: z.string() }), execute: async () => ({ found: 3 }) }) },
      stopWhen: stepCountIs(3),
    });
    expect(result.text).toBe('Tool results: {"found":3}');
  });

  it("fills a json_schema response with the schema's first valid value by default, or returns a scripted object", async () => {
    const schema = z.object({
      results: z.array(z.object({ id: z.number().int(), category: z.enum(["FOOD_AND_DRINK", "TRAVEL"]) })).min(1),
    });
    const byDefault = await generateText({ model: model(), prompt: "categorize", output: Output.object({ schema }) });
    expect(byDefault.output).toEqual({ results: [{ id: 0, category: "FOOD_AND_DRINK" }] });
    expect(server.chatRequests()[0]?.response_format).toMatchObject({ type: "json_schema" });

    server.script.json({ results: [{ id: 0, category: "TRAVEL" }] });
    const scripted = await generateText({ model: model(), prompt: "categorize", output: Output.object({ schema }) });
    expect(scripted.output).toEqual({ results: [{ id: 0, category: "TRAVEL" }] });
  });

  it("sends garbage JSON when told to, which the SDK rejects as no object", async () => {
    server.script.garbage();
    const schema = z.object({ ok: z.boolean() });
    const error = await generateText({ model: model(), prompt: "x", output: Output.object({ schema }) }).catch(
      (e) => e,
    );
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
  });

  it("answers an HTTP error with OpenAI's error body", async () => {
    server.script.httpError(500, "boom");
    const error = await generateText({ model: model(), prompt: "x", maxRetries: 0 }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 500, message: "boom" });
  });

  it("waits before answering when a delay is scripted, so client timeouts can be tested", async () => {
    server.script.text("late", { delayMs: 400 });
    const error = await generateText({
      model: model(),
      prompt: "x",
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(100),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/Abort|Timeout/);
  });

  it("fails mid-stream with an error chunk after some text", async () => {
    server.script.streamError("overloaded", "Let me check");
    const errors: unknown[] = [];
    const result = streamText({ model: model(), prompt: "x", onError: ({ error }) => void errors.push(error) });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe("Let me check");
    expect(errors).toHaveLength(1);
  });

  it("uses the responder for every unscripted call", async () => {
    server.script.respondWith((request) => ({ type: "text", text: `model=${request.model}` }));
    expect((await generateText({ model: model(), prompt: "x" })).text).toBe("model=gpt-4o-mini");
  });
});

describe("the openai SDK", () => {
  it("streams tool-call deltas that reassemble into the scripted arguments", async () => {
    server.script.toolCall("topMerchants", { from: "2026-01-01", to: "2026-01-31", limit: 5 }, { id: "call_fixed" });
    const stream = await sdk().chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "top merchants" }],
      tools: [{ type: "function", function: { name: "topMerchants", parameters: { type: "object" } } }],
      stream: true,
    });
    let args = "";
    let pieces = 0;
    let finish: string | null = null;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      if (call?.function?.arguments) {
        args += call.function.arguments;
        pieces++;
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(JSON.parse(args)).toEqual({ from: "2026-01-01", to: "2026-01-31", limit: 5 });
    expect(pieces).toBeGreaterThan(1);
    expect(finish).toBe("tool_calls");
  });

  it("lists models", async () => {
    const models = await sdk().models.list();
    expect(models.data.map((m) => m.id)).toContain("gpt-4o-mini");
  });

  it("runs a batch: upload a JSONL file, create, poll until completed, download results in line order", async () => {
    const lines = ["a", "b", "c"].map((id) =>
      JSON.stringify({
        custom_id: id,
        method: "POST",
        url: "/v1/chat/completions",
        body: { model: "gpt-4o-mini", messages: [{ role: "user", content: `line ${id}` }] },
      }),
    );
    const client = sdk();
    const file = await client.files.create({
      file: await toFile(Buffer.from(lines.join("\n")), "in.jsonl"),
      purpose: "batch",
    });
    expect(file).toMatchObject({ purpose: "batch", filename: "in.jsonl" });
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    expect(created.status).toBe("validating");
    server.script.json({ category: "TRAVEL" }).httpError(500, "line b failed");

    const done = await client.batches.retrieve(created.id);
    expect(done).toMatchObject({ status: "completed", request_counts: { total: 3, completed: 2, failed: 1 } });
    const output = (await (await client.files.content(done.output_file_id!)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(output.map((o) => o.custom_id)).toEqual(["a", "c"]);
    expect(output[0].response.body.choices[0].message.content).toBe('{"category":"TRAVEL"}');
    expect(output[1].response.body.choices[0].message.content).toBe("Local test model received: line c");
    const errors = (await (await client.files.content(done.error_file_id!)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(errors).toMatchObject([{ custom_id: "b", response: { status_code: 500 } }]);
  });
});

describe("requests and authentication", () => {
  it("records every request with its headers and parsed body", async () => {
    await generateText({ model: model(), prompt: "hello" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test-key");
  });

  it("refuses a wrong API key when one is required", async () => {
    const locked = await startLocalLlmServer({ apiKey: "right" });
    try {
      const wrong = createOpenAI({ baseURL: locked.url, apiKey: "wrong" }).chat("gpt-4o-mini");
      const error = await generateText({ model: wrong, prompt: "x", maxRetries: 0 }).catch((e) => e);
      expect(error).toMatchObject({ statusCode: 401 });
    } finally {
      await locked.close();
    }
  });
});
