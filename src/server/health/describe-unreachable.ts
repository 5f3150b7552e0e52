/**
 * Turns "cannot connect" errors into a sentence a person can act on, instead of a stack trace.
 * Returns null for any other error.
 */
const HOW_TO_START = {
  postgres:
    "Start it with `docker compose up -d db`, or on Debian/Ubuntu `sudo pg_ctlcluster 15 main start`, or set DATABASE_URL.",
  redis: "Start it with `docker compose up -d redis`, or `redis-server --daemonize yes`, or set REDIS_URL.",
} as const;

// Node's socket errors, and the kinds Prisma's driver adapters report for the same failures.
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ECONNRESET",
  "DatabaseNotReachable",
]);
const MISSING_DATABASE = new Set(["DatabaseDoesNotExist", "3D000"]);

function errorCodes(error: unknown): string[] {
  if (!error || typeof error !== "object") return [];
  const own = ["code", "kind"].flatMap((key) => {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === "string" ? [value] : [];
  });
  const adapter = "meta" in error && error.meta && typeof error.meta === "object" ? errorCodes(error.meta) : [];
  const nested = "errors" in error && Array.isArray(error.errors) ? error.errors.flatMap(errorCodes) : [];
  const cause = "cause" in error ? errorCodes(error.cause) : [];
  const driver = "driverAdapterError" in error ? errorCodes(error.driverAdapterError) : [];
  return [...own, ...adapter, ...driver, ...nested, ...cause];
}

export function describeUnreachable(error: unknown, service: keyof typeof HOW_TO_START, url: string): string | null {
  const codes = errorCodes(error);
  if (service === "postgres" && codes.some((code) => MISSING_DATABASE.has(code))) {
    const { host, pathname } = new URL(url);
    return `PostgreSQL at ${host} has no database "${decodeURIComponent(pathname.slice(1))}". Create it with \`npm run db:migrate\`.`;
  }
  if (!codes.some((code) => UNREACHABLE.has(code))) return null;
  const name = service === "postgres" ? "PostgreSQL" : "Redis";
  return `${name} is not reachable at ${new URL(url).host}. ${HOW_TO_START[service]}`;
}
