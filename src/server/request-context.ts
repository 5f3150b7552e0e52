/**
 * The request id of the work in progress, carried through async calls (AsyncLocalStorage) so the
 * logger stamps it on every line and `enqueue` copies it into the jobs a request starts; a
 * worker runs each job inside the id the job carries. Kept on globalThis because Next may load
 * this module once per route bundle and they must all see the same store.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";

/** What we accept from a caller's x-request-id: short and printable, so it is safe in logs. */
export const requestIdSchema = z.string().regex(/^[\w.:@-]{1,128}$/);

const globalForContext = globalThis as unknown as { requestContext?: AsyncLocalStorage<string> };
const storage = (globalForContext.requestContext ??= new AsyncLocalStorage<string>());

/** The caller's x-request-id when it is well-formed (a proxy or client tracing across systems), else a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = requestIdSchema.safeParse(headers.get("x-request-id"));
  return incoming.success ? incoming.data : crypto.randomUUID();
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run(requestId, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore();
}
