/**
 * next-auth's own JWT encode/decode (next-auth/jwt: JWE, "dir" + A256GCM, key from HKDF of the
 * secret), except that the key is derived once per secret instead of on every call. The session
 * route decodes and re-encodes the cookie on every request, and the two HKDF runs were the
 * largest single cost of an authenticated API call (docs/BENCHMARKS.md). Same algorithm, same key:
 * tokens written by either implementation read in the other.
 */
import { hkdf } from "node:crypto";
import { promisify } from "node:util";
import { EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";
import type { JWTDecodeParams, JWTEncodeParams, JWT } from "next-auth/jwt";

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 15;

const derive = promisify(hkdf);
const derivedKeys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const cacheKey = `${Buffer.from(secret).toString("base64")}\u0000${salt}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = derive("sha256", secret, salt, info, 32).then((bits) => new Uint8Array(bits));
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

export async function encodeSessionJwt({
  token,
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ ...token } as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

export async function decodeSessionJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  return payload as JWT;
}
