/**
 * tRPC in three parts: the context every procedure receives, the initialisation (transformer,
 * error shape), and the procedures routers are built from. Routers stay thin: validate, check
 * who is asking, call a service.
 */
import { TRPCError, initTRPC } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { type AppSession, getAppSession } from "~/server/auth/session";
import { db } from "~/server/db";
import { AppError, type ErrorCode } from "~/server/errors";
import { logger } from "~/server/logger";
import { observeHttpRequest } from "~/server/metrics/web-metrics";
import { currentRequestId, requestIdFrom } from "~/server/request-context";
import { inSpan } from "~/server/tracing/in-span";

// 1. Context

export async function createTRPCContext(opts: { headers: Headers }) {
  const session = await getAppSession();
  return { db, session, headers: opts.headers, requestId: currentRequestId() ?? requestIdFrom(opts.headers) };
}

export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

// 2. Initialisation

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. Procedures

const TRPC_CODES: Record<ErrorCode, TRPCError["code"]> = {
  INVALID_INPUT: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UPSTREAM_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** The single place where service errors become tRPC errors; anything unknown is logged, never leaked. */
const errorMapping = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  if (cause instanceof ZodError || result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "procedure failed");
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Something went wrong (request ${ctx.requestId})` });
});

/** Times and traces each procedure (a batched HTTP request holds several) with the status it answers. */
const observeProcedure = t.middleware(({ path, type, next }) =>
  inSpan(`trpc ${path}`, { attributes: { "rpc.system": "trpc", "rpc.method": path } }, async () => {
    const started = performance.now();
    const result = await next();
    const status = result.ok ? 200 : getHTTPStatusCodeFromError(result.error);
    observeHttpRequest(`trpc/${path}`, type, status, (performance.now() - started) / 1000);
    return result;
  }),
);

export const publicProcedure = t.procedure.use(observeProcedure).use(errorMapping);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, session: ctx.session, userId: ctx.session.user.id } });
});

export type { AppSession };
