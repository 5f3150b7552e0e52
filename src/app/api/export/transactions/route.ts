import { getAppSession } from "~/server/auth/session";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { downloadResponse } from "~/server/export/download-response";
import { exportTransactions } from "~/server/export/export-transactions";
import { exportTransactionsInput } from "~/server/export/export-transactions-input";
import { queryToInput } from "~/server/rest/query-params";
import { handleRoute } from "~/server/security/route-response";

export const dynamic = "force-dynamic";

/**
 * "Export CSV" / "Export Excel" on the Transactions page: the list under the page's filters, streamed.
 * A GET, so the browser downloads it as a plain link; it only reads the signed-in user's rows.
 */
export const GET = handleRoute(async (request: Request) => {
  const session = await getAppSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  const search = new URL(request.url).searchParams;
  const input = exportTransactionsInput.parse(queryToInput(search, exportTransactionsInput));
  return downloadResponse(exportTransactions(db, session.user.id, input));
});
