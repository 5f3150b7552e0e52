/**
 * A local Telegram Bot API server for development and tests, reached through telegraf's
 * `apiRoot`. It speaks the real HTTP protocol (`POST /bot<token>/<method>` with JSON, form or
 * query parameters; `{ok, result}` or `{ok:false, error_code, description, parameters}`),
 * long-polls getUpdates, delivers updates to a webhook with the secret-token header, records
 * every call, and can be told to answer 429 (retry_after) or 403 (blocked) as Telegram does.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type BotIdentity, METHODS, type MethodOptions } from "./bot-api-methods";
import { type ApiError, type ApiResult, BotApiState, type RecordedCall, type Update, errors } from "./bot-api-state";

export type FakeTelegramOptions = {
  token: string;
  port?: number;
  host?: string;
  bot?: Partial<BotIdentity>;
  /** Answer 429 when the bot sends to one chat faster than this; null turns flood control off. */
  perChatIntervalMs?: number | null;
  /** Answer 429 when the bot sends more than this many messages within a second overall; null turns it off. */
  overallPerSecond?: number | null;
};

export type SentMessage = {
  message_id: number;
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  at: number;
};

type Waiter = { offset: number; limit: number; respond: (result: ApiResult) => void };

const MAX_LONG_POLL_SECONDS = 50;

export class FakeTelegramServer {
  readonly state = new BotApiState();
  readonly bot: BotIdentity;
  private readonly options: MethodOptions;
  private waiter: Waiter | null = null;
  private listeners: (() => void)[] = [];
  private server: Server | null = null;
  apiRoot = "";

  private constructor(private readonly config: FakeTelegramOptions) {
    this.bot = { id: 7000001, username: "money_tracking_test_bot", first_name: "Money Tracking", ...config.bot };
    this.options = {
      perChatIntervalMs: config.perChatIntervalMs ?? null,
      overallPerSecond: config.overallPerSecond ?? null,
      now: Date.now,
    };
  }

  static async start(config: FakeTelegramOptions): Promise<FakeTelegramServer> {
    const fake = new FakeTelegramServer(config);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(config.port ?? 0, config.host ?? "127.0.0.1", resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.apiRoot = `http://${config.host ?? "127.0.0.1"}:${port}`;
    return fake;
  }

  async stop(): Promise<void> {
    this.waiter?.respond({ ok: true, result: [] });
    this.waiter = null;
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get calls(): readonly RecordedCall[] {
    return this.state.calls;
  }

  /** Successful sendMessage calls, in order; optionally for one chat. */
  sentMessages(chatId?: number): SentMessage[] {
    return this.state.calls
      .filter((c) => c.method === "sendMessage" && c.response.ok)
      .map((c) => {
        const result = (c.response as { result: { message_id: number; chat: { id: number } } }).result;
        return {
          ...(c.payload as Omit<SentMessage, "message_id" | "chat_id" | "at">),
          message_id: result.message_id,
          chat_id: result.chat.id,
          at: c.at,
        };
      })
      .filter((m) => chatId === undefined || m.chat_id === chatId);
  }

  addChat(chatId: number) {
    this.state.knownChats.add(chatId);
  }

  /** From now on the bot gets 403 for this chat, as after the user pressed "Block". */
  blockChat(chatId: number) {
    this.state.blockedChats.add(chatId);
  }

  failNext(method: string, error: ApiError) {
    this.state.scriptedFailures.push({ method, error });
  }

  /** Queues an update for getUpdates, or posts it to the webhook when one is set. Returns it with its update_id. */
  async postUpdate(update: Record<string, unknown>): Promise<Update & { webhookStatus?: number }> {
    const numbered = this.state.enqueueUpdate(update);
    if (this.state.webhook) {
      this.state.updates.splice(this.state.updates.indexOf(numbered), 1);
      return { ...numbered, webhookStatus: await this.deliverToWebhook(numbered) };
    }
    this.wakeWaiter();
    return numbered;
  }

  /** Resolves with the first recorded call (already made or still to come) that matches. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const found = this.state.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`no matching Bot API call within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const call = this.state.calls.find(match);
        if (!call) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(call);
      };
      this.listeners.push(check);
    });
  }

  private record(method: string, payload: Record<string, unknown>, response: ApiResult) {
    this.state.calls.push({ method, payload, at: Date.now(), response });
    for (const listener of [...this.listeners]) listener();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/_fake/")) return this.handleControl(url, req, res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return send(res, errors.notFound());
    const [, token, rawMethod] = match as unknown as [string, string, string];
    if (token !== this.config.token) return send(res, errors.unauthorized());
    const payload = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    const method = Object.keys(METHODS).find((m) => m.toLowerCase() === rawMethod.toLowerCase()) ?? rawMethod;

    const scripted = this.state.takeScriptedFailure(method);
    if (scripted) {
      this.record(method, payload, scripted);
      return send(res, scripted);
    }
    if (method.toLowerCase() === "getupdates") return this.getUpdates(payload, res);
    const impl = METHODS[method];
    const response = impl ? impl(this.state, payload, this.bot, this.options) : errors.notFound();
    this.record(method, payload, response);
    send(res, response);
  }

  private getUpdates(payload: Record<string, unknown>, res: ServerResponse) {
    if (this.state.webhook) {
      return send(
        res,
        errors.conflict(
          "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      );
    }
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(Math.max(Number(payload.limit ?? 100), 1), 100);
    const timeout = Math.min(Number(payload.timeout ?? 0), MAX_LONG_POLL_SECONDS);
    // An offset confirms every earlier update; Telegram forgets them.
    this.state.updates.splice(0, this.state.updates.filter((u) => u.update_id < offset).length);
    const ready = this.state.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready.length > 0 || timeout <= 0) return send(res, { ok: true, result: ready });

    if (this.waiter) this.state.pollConflicts++;
    this.waiter?.respond(
      errors.conflict("terminated by other getUpdates request; make sure that only one bot instance is running"),
    );
    let done = false;
    const waiter: Waiter = {
      offset,
      limit,
      respond: (result) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (this.waiter === waiter) this.waiter = null;
        send(res, result);
      },
    };
    const timer = setTimeout(() => waiter.respond({ ok: true, result: [] }), timeout * 1000);
    // The response's "close" (not the request's) tells that the client went away mid-poll.
    res.on("close", () => waiter.respond({ ok: true, result: [] }));
    this.waiter = waiter;
  }

  private wakeWaiter() {
    const waiter = this.waiter;
    if (!waiter) return;
    const ready = this.state.updates.filter((u) => u.update_id >= waiter.offset).slice(0, waiter.limit);
    if (ready.length > 0) waiter.respond({ ok: true, result: ready });
  }

  /** Telegram retries a webhook that does not answer 2xx; a few tries are enough for development. */
  private async deliverToWebhook(update: Update): Promise<number> {
    const { url, secretToken } = this.state.webhook!;
    let status = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(secretToken ? { "x-telegram-bot-api-secret-token": secretToken } : {}),
          },
          body: JSON.stringify(update),
        });
        status = response.status;
        if (response.ok) break;
      } catch {
        status = 0;
      }
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
    return status;
  }

  /** For processes that do not share memory with the fake (the dev app, the e2e run). */
  private async handleControl(url: URL, req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    switch (url.pathname) {
      case "/_fake/calls":
        return sendJson(res, 200, this.state.calls);
      case "/_fake/updates":
        return sendJson(res, 200, await this.postUpdate(body));
      case "/_fake/block":
        this.blockChat(Number(body.chat_id));
        return sendJson(res, 200, { ok: true });
      case "/_fake/fail":
        this.failNext(String(body.method), body.error as ApiError);
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { ok: false });
    }
  }
}

function send(res: ServerResponse, result: ApiResult) {
  sendJson(res, result.ok ? 200 : result.error_code, result);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.writableEnded) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
