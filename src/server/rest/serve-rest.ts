/**
 * The /api/v1 dispatcher: find the endpoint, authenticate the bearer token, check its scope,
 * validate path, query and body with the endpoint's zod schemas, run it as the token's user.
 */
import { authenticateApiToken, assertScope } from "~/server/api-tokens/authenticate-api-token";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { handleRoute } from "~/server/security/route-response";
import { type AnyRestEndpoint, type RestMethod, matchPath } from "./rest-endpoint";
import { REST_ENDPOINTS } from "./rest-endpoints";
import { queryToInput } from "./query-params";

export const REST_BASE_PATH = "/api/v1";

function route(method: string, pathname: string) {
  const relative = pathname.slice(REST_BASE_PATH.length) || "/";
  const candidates = REST_ENDPOINTS.flatMap((endpoint) => {
    const params = matchPath(endpoint.path, relative);
    return params ? [{ endpoint, params }] : [];
  });
  // A fixed segment beats a parameter: /transactions/search is not /transactions/{id}.
  candidates.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  const found = candidates.find((c) => c.endpoint.method === method);
  if (found) return found;
  if (candidates.length) throw new AppError("INVALID_INPUT", `${method} is not supported on ${pathname}`);
  throw new AppError("NOT_FOUND", `No such endpoint: ${method} ${pathname}`);
}

async function readBody(request: Request, endpoint: AnyRestEndpoint): Promise<unknown> {
  if (!endpoint.body) return undefined;
  try {
    return await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "Send a JSON body");
  }
}

export function restHandler(db: Db) {
  return handleRoute(async (request: Request) => {
    const url = new URL(request.url);
    const { endpoint, params } = route(request.method.toUpperCase() as RestMethod, url.pathname);
    const caller = await authenticateApiToken(db, request.headers.get("authorization"));
    assertScope(caller, endpoint.scope);
    const input = {
      params: endpoint.params ? endpoint.params.parse(params) : undefined,
      query: endpoint.query ? endpoint.query.parse(queryToInput(url.searchParams, endpoint.query)) : undefined,
      body: endpoint.body ? endpoint.body.parse(await readBody(request, endpoint)) : undefined,
    };
    const result = await endpoint.handle({ db, userId: caller.userId }, input);
    // Downloads (exports, reports) are answered as the file itself, not wrapped in JSON.
    if (result instanceof Response) return result;
    return Response.json(
      { data: result },
      { status: endpoint.status ?? 200, headers: { "cache-control": "no-store" } },
    );
  });
}
