import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "~/server/logger";

function capture(entry: object): string {
  let out = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  pino({ ...loggerOptions, level: "info" }, sink).info(entry, "test");
  return out;
}

describe("log redaction", () => {
  it("hides passwords, tokens, codes and account numbers at any of three levels", () => {
    const line = capture({
      password: "hunter2-password",
      input: { newPassword: "new-secret-pass", totp: "123456", token: "mt_supersecrettoken" },
      plaid: { request: { access_token: "access-sandbox-123", public_token: "public-sandbox-9" } },
      numbers: { ach: { account_number: "9900009606", routing: "011401533" } },
      headers: { authorization: "Bearer mt_abc", cookie: "next-auth.session-token=xyz" },
    });
    for (const secret of [
      "hunter2-password",
      "new-secret-pass",
      "123456",
      "mt_supersecrettoken",
      "access-sandbox-123",
      "public-sandbox-9",
      "9900009606",
      "011401533",
      "Bearer mt_abc",
      "session-token=xyz",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("[redacted]");
  });

  it("drops the request an HTTP client error carries (the Plaid SDK sends secrets in the body)", () => {
    const line = capture({
      err: {
        message: "Request failed with status code 400",
        config: { data: '{"client_id":"id","secret":"plaid-secret-value"}', headers: { "PLAID-SECRET": "x" } },
        response: { status: 400, data: { error_code: "ITEM_LOGIN_REQUIRED" } },
      },
    });
    expect(line).not.toContain("plaid-secret-value");
    expect(line).toContain("ITEM_LOGIN_REQUIRED");
  });

  it("keeps ordinary fields", () => {
    expect(capture({ userId: "u-1", code: "NOT_FOUND" })).toContain('"code":"NOT_FOUND"');
  });
});
