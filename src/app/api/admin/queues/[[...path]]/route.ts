import { getAppSession } from "~/server/auth/session";
import { serveQueueDashboard } from "~/server/queue-dashboard/queue-dashboard";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => serveQueueDashboard(request, await getAppSession());

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
