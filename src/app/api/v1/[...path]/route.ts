import { db } from "~/server/db";
import { restHandler } from "~/server/rest/serve-rest";

export const dynamic = "force-dynamic";

/** Every /api/v1 endpoint is one entry in src/server/rest/rest-endpoints.ts. */
const handler = restHandler(db);

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
