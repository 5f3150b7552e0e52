/** Scripted answers for the local OpenAI-compatible server in categorization tests. */
import type { ChatCompletionRequest, ScriptStep } from "~/local-services/llm/llm-script";

export const userPrompt = (request: ChatCompletionRequest) =>
  String(request.messages?.find((m) => m.role === "user")?.content ?? "");

/** Answers like a careful model: every merchant id in the prompt gets the category, at 0.9. */
export function answerEveryId(category: string) {
  return (request: ChatCompletionRequest): ScriptStep => {
    const ids = [...userPrompt(request).matchAll(/"id":(\d+)/g)].map((m) => Number(m[1]));
    return { type: "json", value: { results: ids.map((id) => ({ id, category, confidence: 0.9 })) } };
  };
}
