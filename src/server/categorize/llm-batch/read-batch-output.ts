/**
 * Reads a batch's output file: one JSON line per request, `{custom_id, response: {status_code,
 * body}, error}`, the body a Chat Completions answer
 * (https://platform.openai.com/docs/guides/batch#5-retrieve-the-results). Every line is checked;
 * one that is not such a line, names a request we did not send, or holds garbage instead of our
 * schema answers for none of its merchants — they go to ordinary calls instead.
 */
import { z } from "zod";
import type { CategoryVerdict } from "../category-verdict";
import { verdictsFromText } from "../llm-request";
import type { BatchQuestions } from "./batch-questions";

const outputLine = z.object({
  custom_id: z.string(),
  response: z.object({
    status_code: z.number().int(),
    body: z.object({
      choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
      usage: z
        .object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() })
        .optional(),
    }),
  }),
});

export type BatchAnswer = { key: string; displayName: string; verdict: CategoryVerdict };

export type BatchOutput = {
  answers: BatchAnswer[];
  /** Billed requests: every line that carries a response. */
  usage: { calls: number; inputTokens: number; outputTokens: number };
  invalidLines: number;
};

function parseLine(text: string) {
  try {
    const parsed = outputLine.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.response.status_code === 200 ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readBatchOutput(text: string, questions: BatchQuestions): BatchOutput {
  const output: BatchOutput = { answers: [], usage: { calls: 0, inputTokens: 0, outputTokens: 0 }, invalidLines: 0 };
  const answered = new Set<string>();
  for (const raw of text.split("\n")) {
    if (!raw.trim()) continue;
    const line = parseLine(raw);
    const merchants = line && Object.hasOwn(questions.lines, line.custom_id) ? questions.lines[line.custom_id] : null;
    if (!line || !merchants) {
      output.invalidLines += 1;
      continue;
    }
    const usage = line.response.body.usage;
    output.usage.calls += 1;
    output.usage.inputTokens += usage?.prompt_tokens ?? 0;
    output.usage.outputTokens += usage?.completion_tokens ?? 0;
    const verdicts = verdictsFromText(merchants, line.response.body.choices[0]!.message.content ?? "");
    if (verdicts.size === 0) output.invalidLines += 1;
    for (const { key, displayName } of merchants) {
      const verdict = verdicts.get(key);
      if (verdict && !answered.has(key)) {
        answered.add(key);
        output.answers.push({ key, displayName, verdict });
      }
    }
  }
  return output;
}
