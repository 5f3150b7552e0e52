/**
 * The route-handler side of "one way to fail": AppError codes become HTTP statuses (with
 * Retry-After on 429), invalid input becomes 400 with zod's issues, anything else is logged
 * with a request id and answered generically — never a stack, SQL or token.
 */
import { ZodError, z } from "zod";
import { AppError, ERROR_CODES } from "~/server/errors";
import { logger } from "~/server/logger";
import { observeHttpRequest, routeLabel } from "~/server/metrics/web-metrics";
import { requestIdFrom, runWithRequestId } from "~/server/request-context";

const NO_STORE = { "cache-control": "no-store" };

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    const headers = new Headers(NO_STORE);
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === "RATE_LIMITED" && typeof retryAfter === "number") headers.set("retry-after", String(retryAfter));
    return Response.json(
      { error: { code: error.code, message: error.message, ...(typeof retryAfter === "number" && { retryAfter }) } },
      { status: ERROR_CODES[error.code], headers },
    );
  }
  if (error instanceof ZodError) {
    return Response.json(
      { error: { code: "INVALID_INPUT", message: "Invalid input", issues: z.flattenError(error) } },
      { status: 400, headers: NO_STORE },
    );
  }
  logger.error({ err: error, requestId }, "route handler failed");
  return Response.json(
    { error: { code: "INTERNAL", message: `Something went wrong (request ${requestId})` } },
    { status: 500, headers: NO_STORE },
  );
}

/**
 * Wraps a route handler so every failure is answered through errorResponse, the work runs under
 * the request's id (logs, enqueued jobs), the response names that id, and the request is timed.
 */
export function handleRoute<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    const response = await runWithRequestId(requestId, async () => {
      try {
        return await handler(request, ...args);
      } catch (error) {
        return errorResponse(error, requestId);
      }
    });
    observeHttpRequest(
      routeLabel(new URL(request.url).pathname),
      request.method,
      response.status,
      (performance.now() - started) / 1000,
    );
    return withRequestIdHeader(response, requestId);
  };
}

function withRequestIdHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
    return response;
  } catch {
    // Response.redirect() and fetched responses have immutable headers.
    return response;
  }
}
