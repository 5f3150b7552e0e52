import { getAppSession } from "~/server/auth/session";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { downloadResponse } from "~/server/export/download-response";
import { monthlyReportPdf } from "~/server/report/monthly-report";
import { monthlyReportInput } from "~/server/report/monthly-report-data";
import { handleRoute } from "~/server/security/route-response";

export const dynamic = "force-dynamic";

/** "Download monthly report" on the Insights page: the signed-in user's month as a PDF. */
export const GET = handleRoute(async (request: Request) => {
  const session = await getAppSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  const input = monthlyReportInput.parse({ month: new URL(request.url).searchParams.get("month") });
  return downloadResponse(await monthlyReportPdf(db, session.user.id, input));
});
