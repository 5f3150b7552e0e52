/**
 * /api/docs documents the REST API from the code: every endpoint of REST_ENDPOINTS, under the
 * four resources scripts use, with request schemas that are the tRPC procedures' own zod inputs.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as docsPage } from "~/app/api/docs/route";
import { GET as openApiJson } from "~/app/api/docs/openapi.json/route";
import { appRouter } from "~/server/api/root";
import { REST_ENDPOINTS } from "~/server/rest/rest-endpoints";

type Operation = {
  tags: string[];
  security: unknown[];
  parameters: { name: string; in: string }[];
  requestBody?: { content: { "application/json": { schema: object } } };
  responses: Record<string, unknown>;
};
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>> };

const document = async () => (await openApiJson().json()) as OpenApi;

describe("the API documentation", () => {
  it("is OpenAPI 3.1 with an operation for every REST endpoint, each behind a token", async () => {
    const doc = await document();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(REST_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods)) {
        expect(operation.security).toEqual([{ apiToken: [] }]);
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403", "404", "429"]));
      }
    }
  });

  it("covers transactions, accounts, budgets and categories", async () => {
    const tags = new Set(
      Object.values((await document()).paths).flatMap((m) => Object.values(m).flatMap((o) => o.tags)),
    );
    expect([...tags]).toEqual(expect.arrayContaining(["Transactions", "Accounts", "Budgets", "Categories"]));
  });

  it("describes request bodies with the zod schemas the tRPC procedures validate with", async () => {
    const trpcInputs = new Set(
      Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>).flatMap(
        (p) => p._def.inputs,
      ),
    );
    const doc = await document();
    const shared = REST_ENDPOINTS.filter((e) => e.body && trpcInputs.has(e.body));
    expect(shared.length).toBeGreaterThan(0);
    for (const endpoint of shared) {
      const { $schema: _dialect, ...expected } = z.toJSONSchema(endpoint.body!, {
        io: "input",
        unrepresentable: "any",
      });
      const operation = doc.paths[endpoint.path]![endpoint.method.toLowerCase()]!;
      expect(operation.requestBody!.content["application/json"].schema).toEqual(expected);
    }
  });

  it("is served as a page at /api/docs", async () => {
    const page = await docsPage();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    for (const endpoint of REST_ENDPOINTS) expect(html).toContain(endpoint.path);
  });
});
