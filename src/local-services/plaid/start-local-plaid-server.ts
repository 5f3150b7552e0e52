/**
 * A Plaid-compatible HTTP server for development, the demo and tests: the real `plaid` SDK
 * points its `basePath` here (PLAID_ENV=local). It checks client_id/secret, answers in Plaid's
 * shapes and error format, sends signed webhooks, and exposes `/__control/*` for tests.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import { todayUtc } from "./generate/calendar";
import { CONTROL_ACTIONS } from "./control-routes";
import { createControl, type LocalPlaidControl } from "./control";
import {
  itemLoginRequired,
  invalidApiKeys,
  invalidField,
  missingFields,
  PlaidHttpError,
  unknownPath,
} from "./plaid-error";
import { ITEM_DATA_PATHS, PLAID_ROUTES } from "./plaid-routes";
import { LocalPlaidState } from "./state/local-plaid-state";
import { ItemWebhooks } from "./webhooks/item-webhooks";
import { WebhookSender } from "./webhooks/webhook-sender";
import { createWebhookSigner, type WebhookSigner } from "./webhooks/webhook-signer";

export interface LocalPlaidServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Same seed, same histories. */
  seed?: string;
  clientId?: string;
  secret?: string;
  /** The last day of generated history ("YYYY-MM-DD"); the real date by default. */
  today?: string;
  /** Overrides every institution's history length, e.g. for fast tests. */
  historyDays?: number;
  /** Send SYNC_UPDATES_AVAILABLE / ITEM ERROR on their own after changes (default true). */
  automaticWebhooks?: boolean;
}

export interface LocalPlaidServer {
  url: string;
  control: LocalPlaidControl;
  close(): Promise<void>;
}

export const LOCAL_CLIENT_ID = "local-client-id";
export const LOCAL_SECRET = "local-secret";
const MAX_BODY_BYTES = 1_000_000;

export async function startLocalPlaidServer(options: LocalPlaidServerOptions = {}): Promise<LocalPlaidServer> {
  const state = new LocalPlaidState(options.seed ?? "money-tracking", options.today ?? todayUtc(), options.historyDays);
  const signer = await createWebhookSigner();
  const sender = new WebhookSender(signer);
  const webhooks = new ItemWebhooks(sender, options.automaticWebhooks ?? true);
  const control = createControl(state, webhooks, sender);
  const credentials = { clientId: options.clientId ?? LOCAL_CLIENT_ID, secret: options.secret ?? LOCAL_SECRET };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomBytes(12).toString("base64url").slice(0, 15);
    const path = new URL(request.url ?? "/", "http://local").pathname;
    try {
      const body = await readJson(request);
      const result = path.startsWith("/__control/")
        ? await runControl(control, path.slice("/__control/".length), body)
        : {
            ...(await answerPlaid({ state, webhooks, signer }, credentials, request, path, body)),
            request_id: requestId,
          };
      send(response, 200, result ?? {});
    } catch (error) {
      const plaidError = error instanceof PlaidHttpError ? error : internalError(error);
      send(response, plaidError.status, plaidError.toBody(requestId));
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    control,
    close: async () => {
      await sender.settle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answerPlaid(
  context: { state: LocalPlaidState; webhooks: ItemWebhooks; signer: WebhookSigner },
  credentials: { clientId: string; secret: string },
  request: IncomingMessage,
  path: string,
  body: Record<string, unknown>,
): Promise<object> {
  if (request.method !== "POST") throw new PlaidHttpError(405, "INVALID_REQUEST", "INVALID_HTTP_METHOD", "use POST");
  const route = PLAID_ROUTES[path];
  if (!route) throw unknownPath(path);
  checkCredentials(credentials, request, body);
  const item = typeof body.access_token === "string" ? context.state.itemFor(body.access_token) : null;
  const injected = context.state.takeInjectedError(path, item?.itemId ?? null);
  if (injected) throw injected;
  if (item?.loginRequired && ITEM_DATA_PATHS.has(path)) throw itemLoginRequired();
  const input = parseInput(route.schema, body);
  return route.handle(input as never, { ...context, item });
}

/** The SDK sends credentials as PLAID-CLIENT-ID / PLAID-SECRET headers; raw callers put them in the body. */
function checkCredentials(
  expected: { clientId: string; secret: string },
  request: IncomingMessage,
  body: Record<string, unknown>,
): void {
  const clientId = request.headers["plaid-client-id"] ?? body.client_id;
  const secret = request.headers["plaid-secret"] ?? body.secret;
  const missing = [...(clientId ? [] : ["client_id"]), ...(secret ? [] : ["secret"])];
  if (missing.length) throw missingFields(missing);
  if (clientId !== expected.clientId || secret !== expected.secret) throw invalidApiKeys();
}

function parseInput(schema: z.ZodType, body: Record<string, unknown>): unknown {
  const { client_id: _id, secret: _secret, ...rest } = body;
  const result = schema.safeParse(rest);
  if (result.success) return result.data;
  const missing = result.error.issues.filter((i) => i.code === "invalid_type" && i.input === undefined);
  if (missing.length) throw missingFields(missing.map((i) => i.path.join(".")));
  const issue = result.error.issues[0]!;
  throw invalidField(`${issue.path.join(".")}: ${issue.message}`);
}

async function runControl(control: LocalPlaidControl, name: string, body: Record<string, unknown>): Promise<unknown> {
  const action = CONTROL_ACTIONS[name];
  if (!action) throw unknownPath(`/__control/${name}`);
  const result = action.schema.safeParse(body);
  if (!result.success)
    throw invalidField(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  try {
    return await action.run(control, result.data as never);
  } catch (error) {
    if (error instanceof RangeError) throw invalidField(error.message);
    throw error;
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw invalidField("request body too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PlaidHttpError(400, "INVALID_REQUEST", "INVALID_BODY", "body could not be parsed as JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new PlaidHttpError(400, "INVALID_REQUEST", "INVALID_BODY", "body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

function internalError(error: unknown): PlaidHttpError {
  console.error("local plaid server:", error);
  return new PlaidHttpError(500, "API_ERROR", "INTERNAL_SERVER_ERROR", "an unexpected error occurred");
}
