/**
 * The floor under the load goals (issue 8): the CPU the production web process spends on its
 * lightest route, `/api/health` (no session, no database, no tRPC), under the load bench's 50
 * clients. With C cores the process answers at most C ÷ that CPU requests a second, so 50
 * closed-loop clients wait on average at least 50 × CPU ÷ C (Little's law) before any procedure
 * does any work of its own — and that is with Postgres, the worker and the clients themselves
 * using no CPU at all.
 */
import os from "node:os";
import autocannon from "autocannon";
import type { AppServer } from "./app-server";
import type { Metric } from "./metric";
import { cpuMilliseconds, processTree } from "./process-tree";

const CLIENTS = 50;
const WARM_UP_REQUESTS = 2_000;
const REQUESTS = 10_000;

const fire = (url: string, amount: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url: `${url}/api/health`, connections: CLIENTS, amount }, (error: unknown, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

export async function measureWebFloor(app: AppServer): Promise<Metric[]> {
  await fire(app.url, WARM_UP_REQUESTS);
  const web = processTree(app.web.pid!);
  const before = cpuMilliseconds(web);
  const result = await fire(app.url, REQUESTS);
  if (result.errors + result.non2xx > 0) throw new Error(`/api/health failed ${result.errors + result.non2xx} times`);
  const perRequest = (cpuMilliseconds(web) - before) / REQUESTS;
  const cores = os.availableParallelism();
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return [
    {
      name: "web floor: CPU per /api/health request",
      value: round(perRequest, 2),
      unit: "ms",
      goal: null,
      met: null,
    },
    {
      name: `web floor: most requests/s on ${cores} cores`,
      value: Math.round((cores * 1000) / perRequest),
      unit: "req/s",
      goal: null,
      met: null,
    },
    {
      name: `web floor: least mean latency of ${CLIENTS} clients`,
      value: round((CLIENTS * perRequest) / cores, 1),
      unit: "ms",
      goal: null,
      met: null,
    },
  ];
}
