/**
 * A local OpenAI-compatible server for development and tests. It speaks the real HTTP protocol,
 * so the AI SDK (`@ai-sdk/openai`) and the `openai` SDK run against it unchanged:
 * `POST /v1/chat/completions` (JSON or SSE `data:` chunks ending in `data: [DONE]`, tool calls
 * streamed as deltas, `response_format: json_schema`), `/v1/models`, `/v1/files`, `/v1/batches`.
 *
 * Tests drive it through `script` (queue the next replies) and read what clients sent in
 * `requests`. Unscripted, it answers deterministically (chat-completion.ts: defaultReply).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Completion,
  completionBody,
  chunkOf,
  defaultReply,
  splitText,
  streamChunks,
  toCompletion,
  usageOf,
} from "./chat-completion";
import { FilesAndBatches } from "./files-and-batches";
import { type ChatCompletionRequest, LlmScript, type ScriptStep } from "./llm-script";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, the form fields of a multipart upload, or the raw text. */
  body: unknown;
  at: number;
};

export type LocalLlmServerOptions = {
  port?: number;
  host?: string;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`, as OpenAI demands. */
  apiKey?: string;
  models?: string[];
};

export type LocalLlmServer = {
  /** The base URL for OpenAI clients (ends in /v1): what LLM_BASE_URL or `baseURL` takes. */
  url: string;
  origin: string;
  script: LlmScript;
  requests: RecordedRequest[];
  /** Chat completion request bodies only, in order. */
  chatRequests(): ChatCompletionRequest[];
  batches: FilesAndBatches;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startLocalLlmServer(options: LocalLlmServerOptions = {}): Promise<LocalLlmServer> {
  const host = options.host ?? "127.0.0.1";
  const models = options.models ?? ["gpt-4o-mini", "local-test-model"];
  const script = new LlmScript();
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(8, "0")}`;

  const replyFor = (body: ChatCompletionRequest): ScriptStep => script.take(body) ?? defaultReply(body);
  const envelopeFor = (body: ChatCompletionRequest) => ({
    id: nextId("chatcmpl-local"),
    model: body.model ?? models[0]!,
    created: Math.floor(Date.now() / 1000),
  });

  /** A non-streamed completion; also what each batch line runs. */
  async function complete(
    body: ChatCompletionRequest,
    step = replyFor(body),
  ): Promise<{ status: number; body: unknown }> {
    if (step.type === "http-error") return errorResult(step.status, step.message, step.errorType);
    if (step.type === "stream-error" || step.type === "disconnect") {
      return errorResult(500, step.type === "stream-error" ? step.message : "connection lost");
    }
    const completion = toCompletion(step, () => nextId("call_"));
    return { status: 200, body: completionBody(envelopeFor(body), completion, usageOf(body, completion)) };
  }

  async function chatCompletions(body: unknown, res: ServerResponse) {
    if (!body || typeof body !== "object" || !Array.isArray((body as ChatCompletionRequest).messages)) {
      return sendJson(
        res,
        400,
        errorBody("Missing required parameter: 'messages'.", "invalid_request_error", "messages"),
      );
    }
    const request = body as ChatCompletionRequest;
    const step = replyFor(request);
    if (step.delayMs) await sleep(step.delayMs);
    if (res.destroyed) return;
    if (!request.stream) {
      if (step.type === "disconnect") return void res.destroy();
      const result = await complete(request, step);
      return sendJson(res, result.status, result.body);
    }
    if (step.type === "http-error") {
      const result = errorResult(step.status, step.message, step.errorType);
      return sendJson(res, result.status, result.body);
    }
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-request-id": nextId("req_"),
    });
    const envelope = envelopeFor(request);
    const write = async (data: unknown) => {
      if (res.destroyed) return false;
      res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
      if (step.chunkDelayMs) await sleep(step.chunkDelayMs);
      return true;
    };
    if (step.type === "stream-error" || step.type === "disconnect") {
      await write(chunkOf(envelope, { role: "assistant", content: "" }));
      for (const piece of splitText(step.textBefore)) await write(chunkOf(envelope, { content: piece }));
      if (step.type === "disconnect") return void res.destroy();
      await write(errorBody(step.message, "server_error"));
      return void res.end();
    }
    const completion: Completion = toCompletion(step, () => nextId("call_"));
    const usage = request.stream_options?.include_usage ? usageOf(request, completion) : null;
    for (const chunk of streamChunks(envelope, completion, usage)) {
      if (!(await write(chunk))) return;
    }
    await write("[DONE]");
    res.end();
  }

  const batches = new FilesAndBatches((body) => complete(body));

  async function route(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer) {
    const method = req.method ?? "GET";
    const segments = path
      .replace(/^\/v1\/?/, "")
      .split("/")
      .filter(Boolean);
    const [resource, id, action] = segments;
    const json = () => parseJson(raw);

    if (!path.startsWith("/v1/")) return sendJson(res, 404, notFound(method, path));
    if (resource === "models" && method === "GET") {
      const list = models.map((m) => ({ id: m, object: "model", created: 1_700_000_000, owned_by: "local" }));
      if (!id) return sendJson(res, 200, { object: "list", data: list });
      const model = list.find((m) => m.id === id);
      return model
        ? sendJson(res, 200, model)
        : sendJson(
            res,
            404,
            errorBody(`The model '${id}' does not exist`, "invalid_request_error", "model", "model_not_found"),
          );
    }
    if (resource === "chat" && id === "completions" && method === "POST") return chatCompletions(json(), res);
    if (resource === "files") {
      if (!id && method === "POST") return uploadFile(req, raw, res);
      if (!id && method === "GET") return sendJson(res, 200, batches.listFiles());
      if (id && action === "content" && method === "GET") {
        const content = batches.fileContent(id);
        if (content === null)
          return sendJson(res, 404, errorBody(`No such File object: ${id}`, "invalid_request_error", "id"));
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return void res.end(content);
      }
      if (id && method === "GET") return sendMaybe(res, batches.getFile(id), `No such File object: ${id}`);
      if (id && method === "DELETE") return sendMaybe(res, batches.deleteFile(id), `No such File object: ${id}`);
    }
    if (resource === "batches") {
      if (!id && method === "POST") return sendResult(res, await batches.createBatch(json()));
      if (!id && method === "GET") return sendJson(res, 200, batches.listBatches());
      if (id && action === "cancel" && method === "POST") return sendResult(res, batches.cancelBatch(id));
      if (id && !action && method === "GET") return sendResult(res, await batches.retrieveBatch(id));
    }
    return sendJson(res, 404, notFound(method, path));
  }

  async function uploadFile(req: IncomingMessage, raw: Buffer, res: ServerResponse) {
    const form = await readForm(req, raw);
    const file = form?.get("file");
    const purpose = form?.get("purpose");
    if (!form || !(file instanceof Blob) || typeof purpose !== "string") {
      return sendJson(
        res,
        400,
        errorBody("Expected multipart form data with 'file' and 'purpose'.", "invalid_request_error", "file"),
      );
    }
    const name = file instanceof File ? file.name : "upload.jsonl";
    return sendJson(res, 200, batches.addFile(name, purpose, await file.text()));
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readRaw(req);
      const path = new URL(req.url ?? "/", "http://local").pathname;
      requests.push({
        method: req.method ?? "GET",
        path,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: await describeBody(req, raw),
        at: Date.now(),
      });
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendJson(
          res,
          401,
          errorBody("Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key"),
        );
      }
      await route(req, res, path, raw);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(String(error), "server_error"));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    script,
    requests,
    chatRequests: () =>
      requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body as ChatCompletionRequest),
    batches,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Multipart parsing through the platform's own Request (undici), not a hand-written parser. */
async function readForm(req: IncomingMessage, raw: Buffer): Promise<FormData | null> {
  const type = req.headers["content-type"];
  if (!type?.startsWith("multipart/form-data")) return null;
  try {
    return await new Request("http://local/", {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    return null;
  }
}

async function describeBody(req: IncomingMessage, raw: Buffer): Promise<unknown> {
  if (raw.length === 0) return null;
  const form = await readForm(req, raw);
  if (form) {
    const fields: Record<string, string> = {};
    for (const [key, value] of form) fields[key] = typeof value === "string" ? value : await value.text();
    return fields;
  }
  return parseJson(raw) ?? raw.toString("utf8");
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

function errorBody(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

function errorResult(
  status: number,
  message = "The server had an error while processing your request.",
  type?: string,
) {
  return { status, body: errorBody(message, type ?? (status >= 500 ? "server_error" : "invalid_request_error")) };
}

function notFound(method: string, path: string) {
  return errorBody(`Invalid URL (${method} ${path})`, "invalid_request_error");
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function sendResult(res: ServerResponse, result: { status: number; body: unknown }) {
  sendJson(res, result.status, result.body);
}

function sendMaybe(res: ServerResponse, value: unknown, missing: string) {
  if (value) sendJson(res, 200, value);
  else sendJson(res, 404, errorBody(missing, "invalid_request_error", "id"));
}
