import { openApiDocument } from "~/server/rest/openapi-document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument());
}
