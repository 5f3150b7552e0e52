import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "~/server/security/csrf";

const APP = "https://money.example.com";
const post = (headers: Record<string, string>) => new Request(`${APP}/api/account/export`, { method: "POST", headers });

describe("CSRF check for cookie-authenticated route handlers", () => {
  it("accepts a same-origin browser request", () => {
    expect(isSameOriginRequest(post({ origin: APP, "sec-fetch-site": "same-origin" }), APP)).toBe(true);
    expect(isSameOriginRequest(post({ origin: APP }), APP)).toBe(true);
  });

  it("refuses a request from another site, even a sibling subdomain", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.example" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://evil.money.example.com" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: APP, "sec-fetch-site": "cross-site" }), APP)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-site" }), APP)).toBe(false);
  });

  it("refuses a state-changing request that says nothing about where it came from", () => {
    expect(isSameOriginRequest(post({}), APP)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null" }), APP)).toBe(false);
  });

  it("lets safe methods through", () => {
    expect(isSameOriginRequest(new Request(`${APP}/x`, { headers: { origin: "https://evil.example" } }), APP)).toBe(
      true,
    );
  });
});
