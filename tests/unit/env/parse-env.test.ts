import { describe, expect, it } from "vitest";
import { parseEnv } from "~/server/env";

const KEY = `1:${Buffer.alloc(32, 7).toString("base64")}`;

describe("environment", () => {
  it("has working local defaults for development", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/money_tracking");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
  });

  it("stops production start-up naming each missing secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /NEXTAUTH_SECRET: is required in production[\s\S]*ENCRYPTION_KEYS/,
    );
  });

  it("names a malformed variable and what is wrong with it", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ENCRYPTION_KEYS: "1:short" })).toThrow(/ENCRYPTION_KEYS: must be 'version:base64key/);
    expect(() => parseEnv({ PLAID_ENV: "prod" })).toThrow(/PLAID_ENV/);
  });

  it("treats an empty value as unset, as .env.example writes them", () => {
    expect(
      parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: KEY, PLAID_SECRET: "" })
        .PLAID_SECRET,
    ).toBeUndefined();
  });
});
