/**
 * Every exported HTTP method of every src/app/api/**\/route.ts, read from the files themselves,
 * so the security sweeps cover a new route without being told about it.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export type RouteHandler = (request: Request, context?: unknown) => Promise<Response> | Response;
export type RouteMethod = { key: string; method: string; route: string; handler: RouteHandler };

const API_DIR = path.resolve(import.meta.dirname, "../../../src/app/api");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export async function routeHandlers(): Promise<RouteMethod[]> {
  const files = (readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts"));
  const perFile = await Promise.all(
    files.map(async (file) => {
      const exported = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
      const route = `/api/${path.dirname(file).split(path.sep).join("/")}`;
      return HTTP_METHODS.filter((method) => typeof exported[method] === "function").map((method) => ({
        key: `${method} ${route}`,
        method,
        route,
        handler: exported[method] as RouteHandler,
      }));
    }),
  );
  return perFile.flat().sort((a, b) => a.key.localeCompare(b.key));
}
