/**
 * Next calls register() once when a server starts (https://nextjs.org/docs/app/guides/open-telemetry).
 * With a tracer registered, Next's own spans (each request, route handler and render) and the
 * app's (tRPC procedures) are exported.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- NEXT_RUNTIME is Next's own build-time switch, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracing } = await import("~/server/tracing/start-tracing");
  await startTracing("web");
}
