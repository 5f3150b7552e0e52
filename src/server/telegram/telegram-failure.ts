/**
 * What a failed Bot API call means for delivery. Telegram's error contract:
 * https://core.telegram.org/bots/api#making-requests — 429 carries parameters.retry_after
 * (seconds to wait, https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this),
 * 403 means the user blocked the bot or deleted their account, other 4xx will not get better
 * by retrying, and 5xx or a dropped connection may.
 */
import { TelegramError } from "telegraf";

export type TelegramFailure =
  | { kind: "rate-limited"; retryAfterMs: number; description: string }
  | { kind: "blocked"; description: string }
  | { kind: "permanent"; description: string }
  | { kind: "transient"; description: string };

export function classifyTelegramFailure(error: unknown): TelegramFailure {
  if (!(error instanceof TelegramError)) {
    return { kind: "transient", description: error instanceof Error ? error.message : String(error) };
  }
  const description = error.description || `Telegram error ${error.code}`;
  if (error.code === 429) {
    const seconds = error.parameters?.retry_after ?? 1;
    return { kind: "rate-limited", retryAfterMs: Math.max(seconds, 1) * 1000, description };
  }
  if (error.code === 403) return { kind: "blocked", description };
  if (error.code >= 400 && error.code < 500) return { kind: "permanent", description };
  return { kind: "transient", description };
}
