/**
 * Turns "cannot connect" errors into a sentence a person can act on, instead of a stack trace.
 * Returns null for any other error.
 */
const HOW_TO_START = {
  postgres:
    "Start it with `docker compose up -d db`, or on Debian/Ubuntu `sudo pg_ctlcluster 15 main start`, or set DATABASE_URL.",
  redis: "Start it with `docker compose up -d redis`, or `redis-server --daemonize yes`, or set REDIS_URL.",
} as const;

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN", "ECONNRESET"]);

function errorCodes(error: unknown): string[] {
  if (!error || typeof error !== "object") return [];
  const own = "code" in error && typeof error.code === "string" ? [error.code] : [];
  const nested = "errors" in error && Array.isArray(error.errors) ? error.errors.flatMap(errorCodes) : [];
  const cause = "cause" in error ? errorCodes(error.cause) : [];
  return [...own, ...nested, ...cause];
}

export function describeUnreachable(error: unknown, service: keyof typeof HOW_TO_START, url: string): string | null {
  if (!errorCodes(error).some((code) => UNREACHABLE.has(code))) return null;
  const name = service === "postgres" ? "PostgreSQL" : "Redis";
  return `${name} is not reachable at ${new URL(url).host}. ${HOW_TO_START[service]}`;
}
