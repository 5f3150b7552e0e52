/**
 * One REST endpoint: its route, the token scope it needs, and the zod schemas of its inputs —
 * the same schemas the tRPC procedures use, which also document it (openapi-document.ts).
 */
import type { z } from "zod";
import type { ApiTokenScope } from "~/server/api-tokens/api-token-schemas";
import type { Db } from "~/server/db";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export type RestMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RestEndpoint<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> = {
  method: RestMethod;
  /** Below /api/v1, with {name} for path parameters: "/transactions/{id}". */
  path: `/${string}`;
  tag: string;
  summary: string;
  scope: ApiTokenScope;
  params?: P;
  query?: Q;
  body?: B;
  status?: 200 | 201;
  /** Content types of a download endpoint, whose handler returns the file as a Response. */
  produces?: string[];
  handle(
    context: { db: Db; userId: string },
    input: { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> },
  ): Promise<unknown>;
};

export type AnyRestEndpoint = RestEndpoint<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Keeps each endpoint's input types precise where it is written, and storable in one list. */
export function restEndpoint<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  endpoint: RestEndpoint<P, Q, B>,
): AnyRestEndpoint {
  return endpoint as unknown as AnyRestEndpoint;
}

/** The path parameters when `pathname` (below /api/v1) matches the endpoint's path, else null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = decodeURIComponent(got[index]!);
    const name = segment.match(/^\{(\w+)\}$/)?.[1];
    if (name) params[name] = actual;
    else if (segment !== actual) return null;
  }
  return params;
}
