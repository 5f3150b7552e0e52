/**
 * Plaid's failures (https://plaid.com/docs/errors/) → what the sync should do about them.
 * The SDK throws axios errors whose `config` carries the request body — access token included —
 * so the original error is never passed on or logged: only Plaid's code and message survive.
 */
import { z } from "zod";
import { ProviderError, type SyncFailureKind } from "../../sync/sync-source";

const plaidErrorBody = z.object({
  error_type: z.string(),
  error_code: z.string(),
  error_message: z.string().default(""),
  request_id: z.string().optional(),
});

/** The user must log in again through Link's update mode. */
const REAUTH_CODES = new Set([
  "ITEM_LOGIN_REQUIRED",
  "INVALID_CREDENTIALS",
  "INVALID_MFA",
  "INVALID_UPDATED_USERNAME",
  "INSUFFICIENT_CREDENTIALS",
  "ITEM_LOCKED",
  "USER_SETUP_REQUIRED",
  "ACCESS_NOT_GRANTED",
  "NO_ACCOUNTS",
]);

/** Worth trying again later: Plaid or the bank is busy or down, or the data is not ready yet. */
const RETRY_TYPES = new Set(["RATE_LIMIT_EXCEEDED", "API_ERROR", "INSTITUTION_ERROR"]);
const RETRY_CODES = new Set(["PRODUCT_NOT_READY", "TRANSACTIONS_SYNC_LIMIT"]);

export function classifyPlaidError(type: string, code: string, status: number | null): SyncFailureKind {
  if (code === "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION") return "restart-pagination";
  if (REAUTH_CODES.has(code)) return "reauth";
  if (RETRY_TYPES.has(type) || RETRY_CODES.has(code) || status === 429 || (status !== null && status >= 500)) {
    return "retry";
  }
  return "fatal";
}

export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const response = (error as { response?: { status?: number; data?: unknown } } | null)?.response;
  if (!response) {
    // No answer at all: refused, reset or timed out. Plaid may be fine in a moment.
    const code = (error as { code?: unknown } | null)?.code;
    return new ProviderError(
      "retry",
      "NETWORK_ERROR",
      `Plaid unreachable (${typeof code === "string" ? code : "no response"})`,
    );
  }
  const status = typeof response.status === "number" ? response.status : null;
  const body = plaidErrorBody.safeParse(response.data);
  if (!body.success) {
    return new ProviderError(
      status !== null && status >= 500 ? "retry" : "fatal",
      `HTTP_${status ?? "UNKNOWN"}`,
      `Plaid answered HTTP ${status ?? "?"} without an error body`,
    );
  }
  const { error_type: type, error_code: code, error_message: message, request_id: requestId } = body.data;
  const reference = requestId ? ` (request ${requestId})` : "";
  return new ProviderError(classifyPlaidError(type, code, status), code, `Plaid ${code}: ${message}${reference}`);
}
