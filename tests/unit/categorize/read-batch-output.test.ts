import { describe, expect, it } from "vitest";
import { readBatchOutput } from "~/server/categorize/llm-batch/read-batch-output";

const questions = {
  model: "gpt-4o-mini",
  inputFileId: "file-1",
  lines: {
    "merchants-0": [
      { key: "blue bottle", displayName: "Blue Bottle" },
      { key: "shell", displayName: "Shell" },
    ],
    "merchants-1": [{ key: "delta", displayName: "Delta" }],
    "merchants-2": [{ key: "hulu", displayName: "Hulu" }],
  },
};

const answerLine = (customId: string, content: string, status = 200) =>
  JSON.stringify({
    id: "batch_req_1",
    custom_id: customId,
    response: {
      status_code: status,
      request_id: "req_1",
      body: {
        choices: [{ message: { role: "assistant", content } }],
        usage: { prompt_tokens: 100, completion_tokens: 20 },
      },
    },
    error: null,
  });

describe("reading a batch's output file", () => {
  it("turns each valid line into verdicts for the merchants its prompt listed, and counts the tokens", () => {
    const output = readBatchOutput(
      answerLine(
        "merchants-0",
        JSON.stringify({
          results: [
            { id: 1, category: "TRANSPORTATION_GAS", confidence: 0.93 },
            { id: 0, category: "FOOD_AND_DRINK_COFFEE", confidence: 0.88 },
          ],
        }),
      ) + "\n",
      questions,
    );
    expect(output.answers).toEqual([
      {
        key: "blue bottle",
        displayName: "Blue Bottle",
        verdict: { primary: "FOOD_AND_DRINK", detailed: "FOOD_AND_DRINK_COFFEE", confidence: 0.88, source: "LLM" },
      },
      {
        key: "shell",
        displayName: "Shell",
        verdict: { primary: "TRANSPORTATION", detailed: "TRANSPORTATION_GAS", confidence: 0.93, source: "LLM" },
      },
    ]);
    expect(output.usage).toEqual({ calls: 1, inputTokens: 100, outputTokens: 20 });
    expect(output.invalidLines).toBe(0);
  });

  it("answers nothing for lines that are not JSON, name no request of ours, failed, or hold garbage", () => {
    const good = answerLine(
      "merchants-2",
      JSON.stringify({ results: [{ id: 0, category: "ENTERTAINMENT_TV_AND_MOVIES", confidence: 0.9 }] }),
    );
    const output = readBatchOutput(
      [
        "this is not json",
        answerLine(
          "merchants-99",
          JSON.stringify({ results: [{ id: 0, category: "TRAVEL_FLIGHTS", confidence: 0.9 }] }),
        ),
        answerLine("merchants-1", "{}", 500),
        answerLine("merchants-0", '{"results": [{"id": 0, "category": '),
        JSON.stringify({ custom_id: "merchants-1", response: { status_code: 200, body: { choices: [] } } }),
        good,
      ].join("\n"),
      questions,
    );
    expect(output.answers.map((a) => a.key)).toEqual(["hulu"]);
    expect(output.invalidLines).toBe(5);
    // The garbage answer was still a billed request.
    expect(output.usage.calls).toBe(2);
  });

  it("drops rows naming a category outside the taxonomy, keeping the rest of the line", () => {
    const output = readBatchOutput(
      answerLine(
        "merchants-0",
        JSON.stringify({
          results: [
            { id: 0, category: "MADE_UP", confidence: 0.99 },
            { id: 1, category: "TRANSPORTATION_GAS", confidence: 0.9 },
          ],
        }),
      ),
      questions,
    );
    expect(output.answers.map((a) => a.key)).toEqual(["shell"]);
  });
});
