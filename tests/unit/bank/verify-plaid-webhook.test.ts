import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signWith, createWebhookSigner, sha256Hex } from "~/local-services/plaid/webhooks/webhook-signer";
import {
  verifyPlaidWebhook,
  WebhookVerificationError,
  type WebhookKeySource,
} from "~/server/bank/providers/plaid/verify-webhook";

const BODY = JSON.stringify(
  {
    webhook_type: "TRANSACTIONS",
    webhook_code: "SYNC_UPDATES_AVAILABLE",
    item_id: "wz666MBjYWTp2PDzzggYhM6oWWmBb",
    initial_update_complete: true,
    historical_update_complete: true,
    environment: "sandbox",
  },
  null,
  2,
);

async function setup() {
  const signer = await createWebhookSigner();
  const getKey: WebhookKeySource = async (kid) => {
    if (kid !== signer.kid) throw new WebhookVerificationError("unknown key");
    return signer.publicJwk;
  };
  return { signer, getKey };
}

describe("Plaid webhook verification", () => {
  it("accepts a genuine webhook and returns its parsed body", async () => {
    const { signer, getKey } = await setup();
    const webhook = await verifyPlaidWebhook({ body: BODY, verificationHeader: await signer.sign(BODY), getKey });
    expect(webhook).toMatchObject({ webhook_type: "TRANSACTIONS", webhook_code: "SYNC_UPDATES_AVAILABLE" });
  });

  it("rejects a body changed after signing, even by whitespace", async () => {
    const { signer, getKey } = await setup();
    const header = await signer.sign(BODY);
    const tampered = BODY.replace("wz666", "xx666");
    await expect(verifyPlaidWebhook({ body: tampered, verificationHeader: header, getKey })).rejects.toThrow(
      /body does not match/,
    );
    const reserialized = JSON.stringify(JSON.parse(BODY));
    await expect(verifyPlaidWebhook({ body: reserialized, verificationHeader: header, getKey })).rejects.toThrow(
      WebhookVerificationError,
    );
  });

  it("rejects a token signed with another key under the genuine key id", async () => {
    const { signer, getKey } = await setup();
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await signWith(privateKey, signer.kid, BODY, new Date());
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: forged, getKey })).rejects.toThrow(
      /signature invalid/,
    );
  });

  it("rejects a token issued more than five minutes ago, and accepts one just inside the window", async () => {
    const { signer, getKey } = await setup();
    const now = new Date("2025-06-30T12:00:00Z");
    const old = await signer.sign(BODY, new Date(now.getTime() - 5 * 60_000 - 1000));
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: old, getKey, now })).rejects.toThrow(/too old/);
    const recent = await signer.sign(BODY, new Date(now.getTime() - 4 * 60_000));
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: recent, getKey, now })).resolves.toBeTruthy();
  });

  it("rejects a token issued in the future", async () => {
    const { signer, getKey } = await setup();
    const now = new Date("2025-06-30T12:00:00Z");
    const future = await signer.sign(BODY, new Date(now.getTime() + 10 * 60_000));
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: future, getKey, now })).rejects.toThrow(
      WebhookVerificationError,
    );
  });

  it("refuses any algorithm but ES256 before looking up a key", async () => {
    const { signer } = await setup();
    const lookups: string[] = [];
    const getKey: WebhookKeySource = async (kid) => {
      lookups.push(kid);
      return signer.publicJwk;
    };
    const hs256 = await new SignJWT({ request_body_sha256: sha256Hex(BODY) })
      .setProtectedHeader({ alg: "HS256", kid: signer.kid })
      .setIssuedAt()
      .sign(new TextEncoder().encode("a shared secret an attacker chose"));
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: hs256, getKey })).rejects.toThrow(
      /unexpected algorithm HS256/,
    );
    const none = `${Buffer.from(JSON.stringify({ alg: "none", kid: signer.kid })).toString("base64url")}.${Buffer.from(
      JSON.stringify({ iat: Math.floor(Date.now() / 1000), request_body_sha256: sha256Hex(BODY) }),
    ).toString("base64url")}.`;
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: none, getKey })).rejects.toThrow(
      /unexpected algorithm none/,
    );
    expect(lookups).toEqual([]);
  });

  it("rejects a missing or malformed header, an unknown key and an expired key", async () => {
    const { signer, getKey } = await setup();
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: null, getKey })).rejects.toThrow(
      /no Plaid-Verification/,
    );
    await expect(verifyPlaidWebhook({ body: BODY, verificationHeader: "not-a-jwt", getKey })).rejects.toThrow(
      /malformed/,
    );
    const other = await createWebhookSigner();
    await expect(
      verifyPlaidWebhook({ body: BODY, verificationHeader: await other.sign(BODY), getKey }),
    ).rejects.toThrow(/unknown key/);
    const expired: WebhookKeySource = async () => ({
      ...signer.publicJwk,
      expired_at: Math.floor(Date.now() / 1000) - 60,
    });
    await expect(
      verifyPlaidWebhook({ body: BODY, verificationHeader: await signer.sign(BODY), getKey: expired }),
    ).rejects.toThrow(/expired/);
  });
});
