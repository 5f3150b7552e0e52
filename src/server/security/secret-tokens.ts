import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets (API tokens, email links, recovery codes) are random enough that a plain
 * SHA-256 is a safe way to store them: there is no dictionary to try, unlike passwords.
 */
export function generateSecretToken(prefix = "", bytes = 32): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
