import pino from "pino";
import { env } from "~/server/env";
import { currentRequestId } from "~/server/request-context";

/** Names that hold secrets or account identifiers wherever they appear, up to three levels deep. */
const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "apiToken",
  "accessToken",
  "access_token",
  "accessTokenEncrypted",
  "public_token",
  "publicToken",
  "link_token",
  "linkToken",
  "processor_token",
  "secret",
  "client_secret",
  "totp",
  "totpSecret",
  "totpSecretEncrypted",
  "recoveryCodes",
  "challenge",
  "authorization",
  "cookie",
  "set-cookie",
  "plaid-secret",
  "accountNumber",
  "account_number",
  "routingNumber",
  "routing",
  "wire_routing",
  "iban",
  "bacs",
];

const redactPaths = SECRET_KEYS.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.startsWith(".") ? key : step, `*${step}`, `*.*${step}`];
});

/**
 * JSON logs; secrets are redacted wherever they might appear in a logged object. HTTP client
 * errors (axios, used by the Plaid SDK) carry the whole request — body with client id, secret
 * and access token included — so those parts are dropped as a whole.
 */
export const loggerOptions: pino.LoggerOptions = {
  level: env.LOG_LEVEL,
  base: { service: process.argv[1]?.includes("workers") ? "worker" : "web" },
  // Every line written while a request or job is in progress names it, without passing a logger around.
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: {
    paths: [
      ...redactPaths,
      "*.config.data",
      "*.config.headers",
      "*.request",
      "*.response.config",
      "*.response.request",
      "*.*.config.data",
      "*.*.config.headers",
    ],
    censor: "[redacted]",
  },
};

export const logger = pino(loggerOptions);
