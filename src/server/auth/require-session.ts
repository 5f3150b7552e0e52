import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";
import { getAppSession } from "./session";

/**
 * For server components under (app). Layouts and pages render concurrently, so each page that
 * prefetches data awaits this too (cached: one session lookup per request) instead of relying
 * on the layout's redirect having happened first.
 */
export const requireSession = cache(async () => {
  const session = await getAppSession();
  if (!session) redirect("/sign-in");
  return session;
});
