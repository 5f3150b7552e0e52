import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyPlaidError, toProviderError } from "~/server/bank/providers/plaid/map-plaid-error";
import { interpretPlaidWebhook } from "~/server/bank/providers/plaid/webhook-events";
import { plaidWebhookSchema } from "~/server/bank/providers/plaid/verify-webhook";

const WEBHOOKS = path.resolve(import.meta.dirname, "../../..", "../shared/data/plaid-api-examples/webhooks");

/** What the SDK throws: an axios error whose config still holds the request, token and all. */
function axiosError(status: number | null, data: unknown) {
  return Object.assign(new Error("Request failed"), {
    config: { data: JSON.stringify({ access_token: "access-sandbox-secret-token" }) },
    ...(status === null ? { code: "ECONNREFUSED" } : { response: { status, data } }),
  });
}

const plaidBody = (error_type: string, error_code: string) => ({
  error_type,
  error_code,
  error_message: "message from Plaid",
  display_message: null,
  request_id: "req123",
});

describe("Plaid errors, classified for the sync", () => {
  it.each([
    ["RATE_LIMIT_EXCEEDED", "TRANSACTIONS_SYNC_LIMIT", 429, "retry"],
    ["API_ERROR", "INTERNAL_SERVER_ERROR", 500, "retry"],
    ["INSTITUTION_ERROR", "INSTITUTION_DOWN", 400, "retry"],
    ["ITEM_ERROR", "PRODUCT_NOT_READY", 400, "retry"],
    ["TRANSACTIONS_ERROR", "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", 400, "restart-pagination"],
    ["ITEM_ERROR", "ITEM_LOGIN_REQUIRED", 400, "reauth"],
    ["ITEM_ERROR", "ITEM_LOCKED", 400, "reauth"],
    ["ITEM_ERROR", "ITEM_NOT_FOUND", 400, "fatal"],
    ["INVALID_INPUT", "INVALID_ACCESS_TOKEN", 400, "fatal"],
    ["INVALID_INPUT", "INVALID_API_KEYS", 400, "fatal"],
  ])("%s / %s (HTTP %i) → %s", (type, code, status, kind) => {
    expect(classifyPlaidError(type, code, status)).toBe(kind);
    const error = toProviderError(axiosError(status, plaidBody(type, code)));
    expect(error).toMatchObject({ kind, providerCode: code });
    expect(error.message).toBe(`Plaid ${code}: message from Plaid (request req123)`);
  });

  it("treats no answer at all as worth retrying", () => {
    expect(toProviderError(axiosError(null, undefined))).toMatchObject({ kind: "retry", providerCode: "NETWORK_ERROR" });
  });

  it("copes with an error response that is not Plaid's format", () => {
    expect(toProviderError(axiosError(502, "<html>Bad gateway</html>"))).toMatchObject({
      kind: "retry",
      providerCode: "HTTP_502",
    });
    expect(toProviderError(axiosError(404, ""))).toMatchObject({ kind: "fatal", providerCode: "HTTP_404" });
  });

  it("never carries the access token from the failed request into the error", () => {
    for (const error of [
      toProviderError(axiosError(400, plaidBody("ITEM_ERROR", "ITEM_LOGIN_REQUIRED"))),
      toProviderError(axiosError(null, undefined)),
    ]) {
      expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain("secret-token");
      expect(error.cause).toBeUndefined();
    }
  });
});

describe("Plaid webhooks, interpreted", () => {
  const examples = Object.fromEntries(
    readdirSync(WEBHOOKS).map((file) => [
      file.split(".").slice(0, 2).join("."),
      plaidWebhookSchema.parse(JSON.parse(readFileSync(path.join(WEBHOOKS, file), "utf8"))),
    ]),
  );

  it("asks for a sync on every transactions update Plaid sends", () => {
    for (const name of [
      "TRANSACTIONS.SYNC_UPDATES_AVAILABLE",
      "TRANSACTIONS.DEFAULT_UPDATE",
      "TRANSACTIONS.INITIAL_UPDATE",
      "TRANSACTIONS.HISTORICAL_UPDATE",
      "TRANSACTIONS.TRANSACTIONS_REMOVED",
    ]) {
      expect(interpretPlaidWebhook(examples[name]!)).toEqual({
        kind: "sync-available",
        itemId: examples[name]!.item_id,
      });
    }
  });

  it("recognises a broken login, its repair and revoked access", () => {
    expect(interpretPlaidWebhook(examples["ITEM.ERROR"]!)).toEqual({
      kind: "reauth-required",
      itemId: "wz666MBjYWTp2PDzzggYhM6oWWmBb",
      code: "ITEM_LOGIN_REQUIRED",
    });
    expect(interpretPlaidWebhook(examples["ITEM.PENDING_EXPIRATION"]!).kind).toBe("reauth-required");
    expect(interpretPlaidWebhook(examples["ITEM.LOGIN_REPAIRED"]!).kind).toBe("login-repaired");
    expect(interpretPlaidWebhook(examples["ITEM.USER_PERMISSION_REVOKED"]!).kind).toBe("access-revoked");
  });

  it("ignores what the app does not use", () => {
    expect(interpretPlaidWebhook(examples["HOLDINGS.DEFAULT_UPDATE"]!).kind).toBe("ignored");
    expect(interpretPlaidWebhook(examples["ITEM.WEBHOOK_UPDATE_ACKNOWLEDGED"]!).kind).toBe("ignored");
  });
});
