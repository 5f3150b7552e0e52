import pino from "pino";
import { env } from "~/server/env";

/** JSON logs; secrets are redacted wherever they might appear in a logged object. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: process.argv[1]?.includes("workers") ? "worker" : "web" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "accessToken",
      "*.accessToken",
      "access_token",
      "*.access_token",
      "accessTokenEncrypted",
      "*.accessTokenEncrypted",
      "authorization",
      "*.authorization",
      "headers.cookie",
      "*.headers.cookie",
      "secret",
      "*.secret",
    ],
    censor: "[redacted]",
  },
});
