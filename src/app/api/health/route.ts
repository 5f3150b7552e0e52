// Liveness: the process is up and serving. Dependencies are /api/ready's business.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}
