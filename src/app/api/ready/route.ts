import { checkReadiness } from "~/server/health/readiness";

export const dynamic = "force-dynamic";

/** 200 when Postgres and Redis answer; 503 naming the part that does not. */
export async function GET() {
  const { ready, checks } = await checkReadiness();
  const failing = checks.filter((c) => !c.ok).map((c) => c.name);
  return Response.json(
    { status: ready ? "ready" : "unavailable", ...(failing.length && { failing }), checks },
    { status: ready ? 200 : 503 },
  );
}
