/**
 * Signs webhooks the way Plaid does (https://plaid.com/docs/api/webhooks/webhook-verification/):
 * an ES256 JWT in the `Plaid-Verification` header whose payload holds the issue time and the
 * SHA-256 of the exact body bytes; the public key is served as a JWK by
 * /webhook_verification_key/get under the JWT's `kid`.
 */
import { createHash, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import type { JWKPublicKey } from "plaid";

export interface WebhookSigner {
  readonly kid: string;
  readonly publicJwk: JWKPublicKey;
  sign(body: string, issuedAt?: Date): Promise<string>;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export async function createWebhookSigner(): Promise<WebhookSigner> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = randomUUID();
  const publicJwk: JWKPublicKey = {
    alg: "ES256",
    crv: jwk.crv!,
    kid,
    kty: jwk.kty!,
    use: "sig",
    x: jwk.x!,
    y: jwk.y!,
    created_at: Math.floor(Date.now() / 1000),
    expired_at: null,
  };
  return {
    kid,
    publicJwk,
    sign: (body, issuedAt = new Date()) => signWith(privateKey, kid, body, issuedAt),
  };
}

export async function signWith(privateKey: CryptoKey, kid: string, body: string, issuedAt: Date): Promise<string> {
  return new SignJWT({ request_body_sha256: sha256Hex(body) })
    .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .sign(privateKey);
}
