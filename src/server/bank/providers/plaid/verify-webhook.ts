/**
 * Plaid's webhook verification, as documented
 * (https://plaid.com/docs/api/webhooks/webhook-verification/):
 * 1. the `Plaid-Verification` header is a JWT whose header says alg ES256 — anything else is refused;
 * 2. its `kid` names a key fetched from /webhook_verification_key/get (cached; an expired key is refused);
 * 3. the signature verifies under that key and `iat` is at most 5 minutes old;
 * 4. the SHA-256 of the raw body bytes equals the JWT's `request_body_sha256` (compared in constant time).
 * Only then is the body parsed.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import type { JWKPublicKey, PlaidApi } from "plaid";
import { z } from "zod";
import { AppError } from "~/server/errors";
import { toProviderError } from "./map-plaid-error";

const MAX_AGE_SECONDS = 5 * 60;
const KEY_CACHE_MS = 60 * 60 * 1000;

export const plaidWebhookSchema = z.looseObject({
  webhook_type: z.string().min(1),
  webhook_code: z.string().min(1),
  item_id: z.string().min(1).optional(),
  error: z.object({ error_type: z.string(), error_code: z.string(), error_message: z.string().optional() }).nullish(),
  environment: z.string().optional(),
});

export type PlaidWebhook = z.infer<typeof plaidWebhookSchema>;
export type WebhookKeySource = (kid: string) => Promise<JWKPublicKey>;

export class WebhookVerificationError extends AppError {
  constructor(reason: string) {
    super("UNAUTHORIZED", `Plaid webhook rejected: ${reason}`);
    this.name = "WebhookVerificationError";
  }
}

export async function verifyPlaidWebhook(input: {
  /** The body exactly as received — not re-serialized JSON, whose whitespace would differ. */
  body: string;
  verificationHeader: string | null | undefined;
  getKey: WebhookKeySource;
  now?: Date;
}): Promise<PlaidWebhook> {
  const token = input.verificationHeader?.trim();
  if (!token) throw new WebhookVerificationError("no Plaid-Verification header");
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new WebhookVerificationError("malformed verification token");
  }
  if (header.alg !== "ES256") throw new WebhookVerificationError(`unexpected algorithm ${String(header.alg)}`);
  if (!header.kid) throw new WebhookVerificationError("verification token names no key");

  const now = input.now ?? new Date();
  const jwk = await input.getKey(header.kid);
  if (jwk.expired_at !== null && jwk.expired_at * 1000 <= now.getTime()) {
    throw new WebhookVerificationError("verification key has expired");
  }

  let claimedHash: unknown;
  try {
    const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, "ES256");
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["ES256"],
      maxTokenAge: MAX_AGE_SECONDS,
      currentDate: now,
    });
    claimedHash = payload.request_body_sha256;
  } catch {
    throw new WebhookVerificationError("signature invalid or token too old");
  }

  const actual = createHash("sha256").update(input.body, "utf8").digest();
  const claimed =
    typeof claimedHash === "string" && /^[0-9a-f]{64}$/i.test(claimedHash) ? Buffer.from(claimedHash, "hex") : null;
  if (!claimed || !timingSafeEqual(actual, claimed))
    throw new WebhookVerificationError("body does not match its signature");

  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    throw new WebhookVerificationError("body is not JSON");
  }
  const webhook = plaidWebhookSchema.safeParse(parsed);
  if (!webhook.success) throw new WebhookVerificationError("body is not a Plaid webhook");
  return webhook.data;
}

/**
 * Keys from /webhook_verification_key/get, cached per `kid` for an hour: Plaid asks callers to
 * cache them, and a rotated key arrives under a new `kid`, which misses the cache.
 */
export function createWebhookKeySource(api: PlaidApi, now: () => number = Date.now): WebhookKeySource {
  const cache = new Map<string, { key: JWKPublicKey; fetchedAt: number }>();
  return async (kid) => {
    const hit = cache.get(kid);
    if (hit && now() - hit.fetchedAt < KEY_CACHE_MS) return hit.key;
    let key: JWKPublicKey;
    try {
      key = (await api.webhookVerificationKeyGet({ key_id: kid })).data.key;
    } catch (error) {
      const failure = toProviderError(error);
      if (failure.kind === "retry") throw new AppError("UPSTREAM_UNAVAILABLE", failure.message);
      throw new WebhookVerificationError(`unknown verification key (${failure.providerCode})`);
    }
    cache.set(kid, { key, fetchedAt: now() });
    return key;
  };
}

/** For the webhook route: `await verify(rawBody, request.headers.get("plaid-verification"))`. */
export function createPlaidWebhookVerifier(api: PlaidApi) {
  const getKey = createWebhookKeySource(api);
  return (body: string, verificationHeader: string | null | undefined) =>
    verifyPlaidWebhook({ body, verificationHeader, getKey });
}
