import { renderApiDocs } from "~/server/rest/render-api-docs";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(renderApiDocs(), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      // The page has no script; its one stylesheet is inline.
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    },
  });
}
