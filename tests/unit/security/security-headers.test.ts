import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "~/proxy";
import { baseSecurityHeaders, contentSecurityPolicy } from "~/server/security/security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("content security policy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123", https: true, development: false });

  it("lets scripts run only with this request's nonce, never inline or eval in production", () => {
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
  });

  it("forbids framing and foreign form targets", () => {
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'self'");
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    const dev = contentSecurityPolicy({ nonce: "n", https: false, development: true });
    expect(directive(dev, "script-src")).toContain("'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
    expect(csp).toContain("upgrade-insecure-requests");
  });
});

describe("base headers", () => {
  it("send HSTS only over https, and always referrer, permissions and nosniff policies", () => {
    expect(baseSecurityHeaders(true)["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
    expect(baseSecurityHeaders(false)["strict-transport-security"]).toBeUndefined();
    const headers = baseSecurityHeaders(false);
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
  });
});

describe("proxy", () => {
  it("gives every page a fresh nonce, in the response policy and in the request Next renders with", () => {
    const first = proxy(new NextRequest("http://localhost:3000/dashboard"));
    const second = proxy(new NextRequest("http://localhost:3000/dashboard"));
    const nonceOf = (csp: string | null) => csp?.match(/'nonce-([^']+)'/)?.[1];
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers like this.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sets the base headers on API responses but leaves their content policy to them", () => {
    const response = proxy(new NextRequest("http://localhost:3000/api/v1/accounts"));
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("proxy and tRPC", () => {
  const trpcPost = (headers: Record<string, string>) =>
    new NextRequest("http://localhost:3000/api/trpc/security.sessions.revokeAll", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", ...headers },
      body: "--x--",
    });

  it("refuses a cross-site form post to a tRPC mutation", async () => {
    const response = proxy(trpcPost({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
    expect(response.status).toBe(403);
    await expect(response.json()).resolves.toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("lets the app's own calls through", () => {
    const response = proxy(trpcPost({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("leaves webhooks and the token-only REST API to their own checks", () => {
    for (const path of ["/api/plaid/webhook", "/api/telegram/webhook", "/api/v1/transactions/categorize"]) {
      const response = proxy(new NextRequest(`http://localhost:3000${path}`, { method: "POST", body: "{}" }));
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
