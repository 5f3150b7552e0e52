/**
 * Turns a reply into OpenAI Chat Completions wire objects: the `chat.completion` body and the
 * `chat.completion.chunk` sequence of a streamed answer, tool-call arguments arriving in pieces
 * the way OpenAI sends them.
 * https://platform.openai.com/docs/api-reference/chat/create
 * https://platform.openai.com/docs/api-reference/chat-streaming
 */
import type { ChatCompletionRequest, ScriptedReply } from "./llm-script";
import { exampleFromSchema } from "./schema-example";

export type Completion = {
  content: string | null;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: "stop" | "tool_calls";
};

type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export type ContentReply = Extract<ScriptedReply, { type: "text" | "tool-calls" | "json" | "raw-content" }>;

/** What the local model says when nothing is scripted: deterministic, and enough to close a tool loop. */
export function defaultReply(request: ChatCompletionRequest): ContentReply {
  const format = request.response_format;
  if (format?.type === "json_schema") return { type: "json", value: exampleFromSchema(format.json_schema?.schema) };
  if (format?.type === "json_object") return { type: "json", value: {} };
  const messages = request.messages ?? [];
  const toolResults: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]!.role === "tool"; i--) {
    toolResults.unshift(contentText(messages[i]!.content));
  }
  if (toolResults.length > 0) return { type: "text", text: `Tool results: ${toolResults.join(" | ")}` };
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  return { type: "text", text: `Local test model received: ${contentText(lastUser?.content)}` };
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
      .join("");
  }
  return "";
}

export function toCompletion(reply: ContentReply, nextCallId: () => string): Completion {
  switch (reply.type) {
    case "text":
      return { content: reply.text, toolCalls: [], finishReason: "stop" };
    case "json":
      return { content: JSON.stringify(reply.value), toolCalls: [], finishReason: "stop" };
    case "raw-content":
      return { content: reply.content, toolCalls: [], finishReason: "stop" };
    case "tool-calls":
      return {
        content: reply.text ?? null,
        toolCalls: reply.calls.map((call) => ({
          id: call.id ?? nextCallId(),
          name: call.name,
          arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {}),
        })),
        finishReason: "tool_calls",
      };
  }
}

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export function usageOf(request: ChatCompletionRequest, completion: Completion): Usage {
  const prompt = estimateTokens(JSON.stringify(request.messages ?? []));
  const output = estimateTokens((completion.content ?? "") + completion.toolCalls.map((c) => c.arguments).join(""));
  return { prompt_tokens: prompt, completion_tokens: output, total_tokens: prompt + output };
}

type Envelope = { id: string; model: string; created: number };

export function completionBody(envelope: Envelope, completion: Completion, usage: Usage) {
  return {
    ...envelope,
    object: "chat.completion",
    system_fingerprint: "fp_local",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: completion.content,
          refusal: null,
          ...(completion.toolCalls.length > 0
            ? {
                tool_calls: completion.toolCalls.map((c) => ({
                  id: c.id,
                  type: "function",
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: completion.finishReason,
      },
    ],
    usage,
  };
}

/** Word-sized text pieces, keeping the whitespace, so clients see tokens arrive one by one. */
export function splitText(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const ARGUMENT_PIECE = 12;

function splitArguments(args: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += ARGUMENT_PIECE) pieces.push(args.slice(i, i + ARGUMENT_PIECE));
  return pieces;
}

export function chunkOf(envelope: Envelope, delta: Record<string, unknown>, finishReason: string | null = null) {
  return {
    ...envelope,
    object: "chat.completion.chunk",
    system_fingerprint: "fp_local",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

/** The chunks of a streamed completion, without the final `[DONE]`. */
export function* streamChunks(envelope: Envelope, completion: Completion, usage: Usage | null) {
  yield chunkOf(envelope, { role: "assistant", content: "", refusal: null });
  for (const piece of splitText(completion.content ?? "")) yield chunkOf(envelope, { content: piece });
  for (const [index, call] of completion.toolCalls.entries()) {
    yield chunkOf(envelope, {
      tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
    });
    for (const piece of splitArguments(call.arguments)) {
      yield chunkOf(envelope, { tool_calls: [{ index, function: { arguments: piece } }] });
    }
  }
  yield chunkOf(envelope, {}, completion.finishReason);
  if (usage) yield { ...envelope, object: "chat.completion.chunk", system_fingerprint: "fp_local", choices: [], usage };
}
