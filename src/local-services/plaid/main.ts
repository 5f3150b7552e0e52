/**
 * `npm run plaid:local [-- --seed S --today YYYY-MM-DD]`: the local Plaid-compatible server on
 * the port of PLAID_LOCAL_URL, accepting the app's PLAID_CLIENT_ID / PLAID_SECRET.
 */
import { parseArgs } from "node:util";
import { env, plaidCredentials } from "~/server/env";
import { startLocalPlaidServer } from "./start-local-plaid-server";

const { values } = parseArgs({
  options: { seed: { type: "string" }, today: { type: "string" }, "history-days": { type: "string" } },
});
const address = new URL(env.PLAID_LOCAL_URL);
const server = await startLocalPlaidServer({
  host: address.hostname,
  port: Number(address.port || 80),
  seed: values.seed,
  today: values.today,
  historyDays: values["history-days"] ? Number(values["history-days"]) : undefined,
  clientId: plaidCredentials.clientId,
  secret: plaidCredentials.secret,
});
console.log(`local Plaid server on ${server.url} (seed ${values.seed ?? "money-tracking"})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
