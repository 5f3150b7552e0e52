/**
 * What the local LLM answers next. Tests queue replies ("the next call returns tool call X",
 * "garbage JSON", "HTTP 500", "wait 2 s"); each chat completion — direct or inside a batch —
 * takes the first one. With the queue empty a responder function, if set, decides; otherwise the
 * server's deterministic default applies (see default-reply.ts).
 */

export type ScriptedToolCall = {
  name: string;
  /** An object is sent as its JSON; a string is sent as is (so a test can send broken arguments). */
  arguments: unknown;
  id?: string;
};

export type ScriptedReply =
  | { type: "text"; text: string }
  | { type: "tool-calls"; calls: ScriptedToolCall[]; text?: string }
  /** Structured output: the content is the value's JSON. */
  | { type: "json"; value: unknown }
  /** Content sent verbatim, e.g. malformed JSON. */
  | { type: "raw-content"; content: string }
  | { type: "http-error"; status: number; message?: string; errorType?: string }
  /** Streams `textBefore`, then an OpenAI error chunk, as a provider failing mid-answer does. */
  | { type: "stream-error"; textBefore: string; message: string }
  /** Streams `textBefore`, then drops the connection without [DONE]. */
  | { type: "disconnect"; textBefore: string };

export type ReplyTiming = {
  /** Wait this long before answering (before the headers, so a client timeout can fire). */
  delayMs?: number;
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number;
};

export type ScriptStep = ScriptedReply & ReplyTiming;

/** The parsed body of a chat completion request, as the server received it. */
export type ChatCompletionRequest = {
  model?: string;
  messages?: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
};

export type Responder = (request: ChatCompletionRequest) => ScriptStep | null;

export class LlmScript {
  private readonly queue: ScriptStep[] = [];
  private responder: Responder | null = null;

  /** Queues any reply. */
  reply(step: ScriptStep): this {
    this.queue.push(step);
    return this;
  }

  text(text: string, timing: ReplyTiming = {}): this {
    return this.reply({ type: "text", text, ...timing });
  }

  toolCall(name: string, args: unknown, timing: ReplyTiming & { id?: string; text?: string } = {}): this {
    const { id, text, ...rest } = timing;
    return this.reply({ type: "tool-calls", calls: [{ name, arguments: args, id }], text, ...rest });
  }

  toolCalls(calls: ScriptedToolCall[], timing: ReplyTiming = {}): this {
    return this.reply({ type: "tool-calls", calls, ...timing });
  }

  json(value: unknown, timing: ReplyTiming = {}): this {
    return this.reply({ type: "json", value, ...timing });
  }

  garbage(content = '{"results": [{"id": 0, "category": ', timing: ReplyTiming = {}): this {
    return this.reply({ type: "raw-content", content, ...timing });
  }

  httpError(
    status: number,
    message = "The server had an error while processing your request.",
    timing: ReplyTiming = {},
  ) {
    return this.reply({ type: "http-error", status, message, ...timing });
  }

  streamError(message: string, textBefore = "", timing: ReplyTiming = {}): this {
    return this.reply({ type: "stream-error", message, textBefore, ...timing });
  }

  disconnect(textBefore = "", timing: ReplyTiming = {}): this {
    return this.reply({ type: "disconnect", textBefore, ...timing });
  }

  /** Decides replies while the queue is empty (null: back to the default behaviour). */
  respondWith(responder: Responder | null): this {
    this.responder = responder;
    return this;
  }

  get pending(): number {
    return this.queue.length;
  }

  reset(): void {
    this.queue.length = 0;
    this.responder = null;
  }

  /** The step for this request: queued first, then the responder; null means "use the default". */
  take(request: ChatCompletionRequest): ScriptStep | null {
    return this.queue.shift() ?? this.responder?.(request) ?? null;
  }
}
