import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "~/server/auth/session-jwt";

const secret = "a-test-secret-of-some-length-0123456789";
const token = {
  uid: "8a0c5c1e-9f51-4a8e-bf0f-3f3f0c1a2b3c",
  sid: "1b6f0c2e-6d1a-4c8e-9a57-0e4f2d9c8b7a",
  email: "a@b.c",
};

describe("session JWT with the key derived once", () => {
  it("reads what next-auth's own encode wrote, and next-auth reads what it writes", async () => {
    expect(await decodeSessionJwt({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await encodeSessionJwt({ token, secret }), secret })).toMatchObject(token);
  });

  it("rejects a token sealed with another secret", async () => {
    const foreign = await encodeSessionJwt({ token, secret: `${secret}-other` });
    await expect(decodeSessionJwt({ token: foreign, secret })).rejects.toThrow();
  });

  it("sets the expiry maxAge seconds ahead", async () => {
    const decoded = await decodeSessionJwt({ token: await encodeSessionJwt({ token, secret, maxAge: 60 }), secret });
    expect(Number(decoded!.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(55);
  });
});
