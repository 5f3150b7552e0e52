/** OpenAPI 3.1 for /api/v1, generated from the endpoint list and its zod schemas (zod 4's toJSONSchema). */
import { z } from "zod";
import { env } from "~/server/env";
import type { AnyRestEndpoint } from "./rest-endpoint";
import { REST_ENDPOINTS } from "./rest-endpoints";
import { REST_BASE_PATH } from "./serve-rest";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

// OpenAPI 3.1 speaks JSON Schema 2020-12, zod's default target; "$schema" belongs to whole documents only.
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(endpoint: AnyRestEndpoint) {
  const list: object[] = [];
  for (const [where, schema] of [
    ["path", endpoint.params],
    ["query", endpoint.query],
  ] as const) {
    if (!schema) continue;
    const { properties = {}, required = [] } = jsonSchema(schema);
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: where, required: where === "path" || required.includes(name), schema: property });
    }
  }
  return list;
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operation(endpoint: AnyRestEndpoint) {
  return {
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.scope === "READ_WRITE" ? "Needs a read-write token." : "Any token.",
    security: [{ apiToken: [] }],
    parameters: parameters(endpoint),
    ...(endpoint.body && {
      requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body) } } },
    }),
    responses: {
      [endpoint.status ?? 200]: endpoint.produces
        ? {
            description: "The file, as an attachment",
            content: Object.fromEntries(
              endpoint.produces.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
            ),
          }
        : {
            description: "The result, as { data }",
            content: { "application/json": { schema: { type: "object", properties: { data: {} } } } },
          },
      400: errorResponse("Invalid input"),
      401: errorResponse("Missing, unknown, expired or revoked token"),
      403: errorResponse("The token is read-only"),
      404: errorResponse("Not found (or not yours)"),
      429: errorResponse("Too many requests; see Retry-After"),
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const endpoint of REST_ENDPOINTS) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Money Tracking API",
      version: "1",
      description:
        "Personal API tokens (Settings → Security) are sent as `Authorization: Bearer mt_…`. " +
        "Amounts are decimal strings, negative for money out; dates are calendar days (YYYY-MM-DD).",
    },
    servers: [{ url: new URL(REST_BASE_PATH, env.APP_URL).toString() }],
    paths,
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: { code: { type: "string" }, message: { type: "string" }, retryAfter: { type: "integer" } },
              required: ["code", "message"],
            },
          },
        },
      },
    },
  };
}
