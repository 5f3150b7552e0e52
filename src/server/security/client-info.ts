/** Who is asking, as far as the request can tell: the client address and user agent, for audit and rate limits. */
export type RequestMeta = { ipAddress: string | null; userAgent: string | null; requestId?: string | null };

type HeaderSource = Headers | Record<string, unknown> | null | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/**
 * The right-most X-Forwarded-For entry is the one added by the nearest proxy, the only one a
 * client cannot choose; entries further left are whatever the client sent. Without a proxy,
 * Next sets the header to the socket address when the client sent none (docs/SECURITY.md).
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = header(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
  const ip = forwarded || header(headers, "x-real-ip");
  return ip ? ip.slice(0, 64) : null;
}

export function requestMeta(headers: HeaderSource): RequestMeta {
  return {
    ipAddress: clientIp(headers),
    userAgent: header(headers, "user-agent")?.slice(0, 512) ?? null,
    requestId: header(headers, "x-request-id")?.slice(0, 100) ?? null,
  };
}
