import { getAppSession } from "~/server/auth/session";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { requestMeta } from "~/server/security/client-info";
import { assertSameOrigin } from "~/server/security/csrf";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { handleRoute } from "~/server/security/route-response";
import { exportUserData } from "~/server/user/export-data";

export const dynamic = "force-dynamic";

/** "Export all my data" (Settings): a zip download for the signed-in user; POST so no link can trigger it. */
export const POST = handleRoute(async (request: Request) => {
  assertSameOrigin(request);
  const session = await getAppSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  await consumeRateLimit("export", session.user.id);
  const zip = await exportUserData(db, session.user.id, requestMeta(request.headers));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="money-tracking-export-${day}.zip"`,
      "cache-control": "no-store",
    },
  });
});
