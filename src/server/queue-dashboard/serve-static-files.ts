/**
 * The static-file middleware bull-board's Hono adapter asks for, reading from disk. Written here
 * because the adapter's usual one comes from @hono/node-server, a whole server this app does not run.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { MiddlewareHandler } from "hono";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

export function serveStaticFiles(options: {
  root: string;
  rewriteRequestPath?: (p: string) => string;
}): MiddlewareHandler {
  // Not traced by the bundler: next.config's outputFileTracingIncludes ships exactly bull-board's UI folder.
  const root = path.resolve(/*turbopackIgnore: true*/ process.cwd(), options.root);
  return async (c) => {
    const requested = options.rewriteRequestPath ? options.rewriteRequestPath(c.req.path) : c.req.path;
    const file = path.resolve(/*turbopackIgnore: true*/ root, `.${path.posix.normalize(`/${requested}`)}`);
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(`${root}${path.sep}`) || !type) return c.notFound();
    try {
      return c.body(await readFile(file), 200, { "content-type": type, "cache-control": "public, max-age=86400" });
    } catch {
      return c.notFound();
    }
  };
}
