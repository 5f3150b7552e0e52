/**
 * Bank access tokens at rest: AES-256-GCM under a versioned key, stored as
 * "v<version>:<iv>:<tag>:<ciphertext>" (base64). ENCRYPTION_KEYS lists every key still needed
 * to decrypt ("1:<key>,2:<key>"); the highest version encrypts. Rotating = add a key, run
 * `npm run -s cli -- bank reencrypt`, then drop the old key. GCM authenticates the ciphertext,
 * and the version is bound in as associated data, so tampering with either fails to decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { encryptionKeys } from "~/server/env";

export interface Keyring {
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = /^v(\d+):([A-Za-z0-9+/]+=*):([A-Za-z0-9+/]+=*):([A-Za-z0-9+/]*=*)$/;

/** Never carries the token or the ciphertext in its message. */
export class AccessTokenCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccessTokenCipherError";
  }
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<number, Buffer>();
  for (const entry of spec.split(",")) {
    const match = /^\s*(\d+):(\S+)\s*$/.exec(entry);
    if (!match) throw new AccessTokenCipherError("ENCRYPTION_KEYS must be 'version:base64key[,…]'");
    const version = Number(match[1]);
    const key = Buffer.from(match[2]!, "base64");
    if (key.length !== 32) throw new AccessTokenCipherError(`encryption key v${version} is not 32 bytes`);
    if (keys.has(version)) throw new AccessTokenCipherError(`encryption key v${version} is listed twice`);
    keys.set(version, key);
  }
  return { current: Math.max(...keys.keys()), keys };
}

let appKeyringCache: Keyring | undefined;

/** The keys from the environment (src/server/env.ts). */
export function appKeyring(): Keyring {
  appKeyringCache ??= parseKeyring(encryptionKeys);
  return appKeyringCache;
}

export function encryptAccessToken(plaintext: string, keyring: Keyring = appKeyring()): string {
  const version = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.keys.get(version)!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`v${version}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v" + version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64")))
    .join(":");
}

export function keyVersionOf(encrypted: string): number {
  const match = FORMAT.exec(encrypted);
  if (!match) throw new AccessTokenCipherError("not an encrypted access token");
  return Number(match[1]);
}

export function decryptAccessToken(encrypted: string, keyring: Keyring = appKeyring()): string {
  const match = FORMAT.exec(encrypted);
  if (!match) throw new AccessTokenCipherError("not an encrypted access token");
  const version = Number(match[1]);
  const key = keyring.keys.get(version);
  if (!key) throw new AccessTokenCipherError(`encryption key v${version} is not configured`);
  const iv = Buffer.from(match[2]!, "base64");
  const tag = Buffer.from(match[3]!, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new AccessTokenCipherError("malformed encrypted access token");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`v${version}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(match[4]!, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new AccessTokenCipherError("encrypted access token failed authentication");
  }
}
