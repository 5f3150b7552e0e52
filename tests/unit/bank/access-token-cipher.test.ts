import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AccessTokenCipherError,
  decryptAccessToken,
  encryptAccessToken,
  keyVersionOf,
  parseKeyring,
} from "~/server/bank/crypto/access-token-cipher";

const key = () => randomBytes(32).toString("base64");
const KEY_1 = key();
const KEY_2 = key();
const TOKEN = "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6";

/** Flips one bit of the base64 part at `index` ("v1" = 0, iv, tag, ciphertext). */
function tamper(encrypted: string, index: number): string {
  const parts = encrypted.split(":");
  const bytes = Buffer.from(parts[index]!, "base64");
  bytes[0] = bytes[0]! ^ 1;
  parts[index] = bytes.toString("base64");
  return parts.join(":");
}

describe("access-token encryption", () => {
  it("round-trips a token in the documented v<version>:<iv>:<tag>:<ciphertext> format", () => {
    const keyring = parseKeyring(`1:${KEY_1}`);
    const encrypted = encryptAccessToken(TOKEN, keyring);
    expect(encrypted).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(encrypted).not.toContain(TOKEN);
    expect(decryptAccessToken(encrypted, keyring)).toBe(TOKEN);
  });

  it("never produces the same ciphertext twice for the same token (fresh IV each time)", () => {
    const keyring = parseKeyring(`1:${KEY_1}`);
    expect(encryptAccessToken(TOKEN, keyring)).not.toBe(encryptAccessToken(TOKEN, keyring));
  });

  it("encrypts under the highest version and still decrypts what older keys wrote", () => {
    const before = parseKeyring(`1:${KEY_1}`);
    const rotated = parseKeyring(`2:${KEY_2},1:${KEY_1}`);
    const old = encryptAccessToken(TOKEN, before);
    const fresh = encryptAccessToken(TOKEN, rotated);
    expect(keyVersionOf(old)).toBe(1);
    expect(keyVersionOf(fresh)).toBe(2);
    expect(decryptAccessToken(old, rotated)).toBe(TOKEN);
    expect(decryptAccessToken(fresh, rotated)).toBe(TOKEN);
  });

  it("refuses a token whose key has been dropped from the keyring", () => {
    const old = encryptAccessToken(TOKEN, parseKeyring(`1:${KEY_1}`));
    expect(() => decryptAccessToken(old, parseKeyring(`2:${KEY_2}`))).toThrow(/v1 is not configured/);
  });

  it.each([
    ["the IV", 1],
    ["the tag", 2],
    ["the ciphertext", 3],
  ])("rejects a token whose %s was tampered with", (_part, index) => {
    const keyring = parseKeyring(`1:${KEY_1}`);
    expect(() => decryptAccessToken(tamper(encryptAccessToken(TOKEN, keyring), index), keyring)).toThrow(
      AccessTokenCipherError,
    );
  });

  it("rejects a ciphertext relabelled with another key version", () => {
    const keyring = parseKeyring(`1:${KEY_1},2:${KEY_1}`);
    const relabelled = encryptAccessToken(TOKEN, keyring).replace(/^v2:/, "v1:");
    expect(() => decryptAccessToken(relabelled, keyring)).toThrow(/failed authentication/);
  });

  it("rejects a token encrypted under a different key of the same version", () => {
    const encrypted = encryptAccessToken(TOKEN, parseKeyring(`1:${KEY_1}`));
    expect(() => decryptAccessToken(encrypted, parseKeyring(`1:${KEY_2}`))).toThrow(AccessTokenCipherError);
  });

  it("says what is wrong with a bad keyring or a value that is not a token, without echoing it", () => {
    expect(() => parseKeyring(`1:${Buffer.alloc(16).toString("base64")}`)).toThrow(/not 32 bytes/);
    expect(() => parseKeyring(`1:${KEY_1},1:${KEY_2}`)).toThrow(/listed twice/);
    expect(() => parseKeyring("secret")).toThrow(/version:base64key/);
    const error = (() => {
      try {
        decryptAccessToken(TOKEN, parseKeyring(`1:${KEY_1}`));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe("not an encrypted access token");
  });
});
