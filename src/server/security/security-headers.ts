/**
 * The response headers every page gets (src/proxy.ts). Scripts run only with this request's
 * nonce ('strict-dynamic' lets those scripts load their own chunks); nothing may frame the app;
 * HSTS and upgrade-insecure-requests only when the app is served over https.
 *
 * style-src allows inline styles: React, Radix and the charts set style attributes, which a
 * nonce cannot cover, and a nonce in style-src would make browsers ignore 'unsafe-inline'.
 * Injected styles cannot run code; injected scripts are what the policy stops.
 */
export type HeaderOptions = { nonce: string; https: boolean; development: boolean };

export function contentSecurityPolicy({ nonce, https, development }: HeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // Development needs eval for React's debugging stacks (Next's CSP guide); production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: for the two-factor QR code, blob: for downloads and charts.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    // Plaid Link runs in Plaid's iframe (https://plaid.com/docs/link/web/#content-security-policy).
    "frame-src https://cdn.plaid.com",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers for every response, pages and API alike. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(https && { "strict-transport-security": "max-age=63072000; includeSubDomains" }),
  };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
