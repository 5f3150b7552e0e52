/**
 * What the fake Bot API remembers: the chats it has seen, the messages the bot sent (so that
 * edits can be checked the way Telegram checks them), the update queue for getUpdates, the
 * webhook, and the failures a test has scripted. Protocol reference:
 * https://core.telegram.org/bots/api#making-requests
 */

export type ApiError = { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };
export type ApiResult = { ok: true; result: unknown } | ApiError;

export type RecordedCall = { method: string; payload: Record<string, unknown>; at: number; response: ApiResult };

export type StoredMessage = {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?: unknown;
};

export type Update = { update_id: number } & Record<string, unknown>;

export type Webhook = { url: string; secretToken?: string };

export const errors = {
  unauthorized: (): ApiError => ({ ok: false, error_code: 401, description: "Unauthorized" }),
  notFound: (): ApiError => ({ ok: false, error_code: 404, description: "Not Found" }),
  badRequest: (what: string): ApiError => ({ ok: false, error_code: 400, description: `Bad Request: ${what}` }),
  blocked: (): ApiError => ({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }),
  conflict: (what: string): ApiError => ({ ok: false, error_code: 409, description: `Conflict: ${what}` }),
  tooManyRequests: (retryAfter: number): ApiError => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
};

export class BotApiState {
  readonly calls: RecordedCall[] = [];
  readonly knownChats = new Set<number>();
  readonly blockedChats = new Set<number>();
  readonly messages = new Map<string, StoredMessage>();
  readonly updates: Update[] = [];
  readonly scriptedFailures: { method: string; error: ApiError }[] = [];
  readonly lastSendAt = new Map<number, number>();
  /** When the messages of the last second were accepted, oldest first. */
  private readonly recentSends: number[] = [];
  webhook: Webhook | null = null;
  /** getUpdates calls cut short by a second poller (Telegram's 409): more than one bot instance was polling. */
  pollConflicts = 0;
  private nextMessageId = 1;
  private nextUpdateId = 1;

  messageKey(chatId: number, messageId: number) {
    return `${chatId}:${messageId}`;
  }

  storeMessage(chatId: number, text: string, replyMarkup: unknown): StoredMessage {
    const message = { message_id: this.nextMessageId++, chat_id: chatId, text, reply_markup: replyMarkup };
    this.messages.set(this.messageKey(chatId, message.message_id), message);
    return message;
  }

  /** Gives an update its id (in order, as Telegram does) and remembers the chat it came from. */
  enqueueUpdate(update: Record<string, unknown>): Update {
    const numbered = { ...update, update_id: this.nextUpdateId++ };
    const chatId = chatIdOfUpdate(numbered);
    if (chatId !== null) this.knownChats.add(chatId);
    this.updates.push(numbered);
    return numbered;
  }

  /** The send times within the second before `now` (a live list: push to it to record a send). */
  sendsInLastSecond(now: number): number[] {
    const stale = this.recentSends.findIndex((at) => at > now - 1000);
    this.recentSends.splice(0, stale === -1 ? this.recentSends.length : stale);
    return this.recentSends;
  }

  takeScriptedFailure(method: string): ApiError | null {
    const index = this.scriptedFailures.findIndex((f) => f.method === method);
    if (index === -1) return null;
    return this.scriptedFailures.splice(index, 1)[0]!.error;
  }
}

function chatIdOfUpdate(update: Record<string, unknown>): number | null {
  const body = (update.message ?? update.edited_message ?? update.callback_query) as
    { chat?: { id?: number }; message?: { chat?: { id?: number } } } | undefined;
  return body?.chat?.id ?? body?.message?.chat?.id ?? null;
}
