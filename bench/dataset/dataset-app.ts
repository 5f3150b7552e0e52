/**
 * The app as the data-set benches measure it: a production build with its worker (app-server.ts)
 * on a throwaway copy of the 1,000,000-transaction data set, and the local Plaid server its
 * banks sync from; everything stopped and dropped afterwards, also on failure.
 */
import { LOCAL_CLIENT_ID, LOCAL_SECRET } from "~/local-services/plaid/start-local-plaid-server";
import { type AppServer, startAppServer } from "../app-server";
import { withDatabase } from "../bench-database";
import { FIRST_SYNC_HISTORY_DAYS } from "../first-sync";
import { freePort, startService } from "../service-process";
import { cloneDataset } from "./dataset-template";
import { DATASET } from "./generate-dataset";

export async function withDatasetApp<T>(
  label: string,
  progress: (line: string) => void,
  work: (app: AppServer, databaseUrl: string, generatedSeconds: number | null) => Promise<T>,
): Promise<T> {
  const { database, generatedSeconds } = await cloneDataset(label, progress);
  return withDatabase(database, async ({ url }) => {
    const plaidUrl = `http://127.0.0.1:${await freePort()}`;
    const plaid = await startService(
      "src/local-services/plaid/main.ts",
      ["--history-days", String(FIRST_SYNC_HISTORY_DAYS)],
      { ...process.env, PLAID_LOCAL_URL: plaidUrl, PLAID_CLIENT_ID: LOCAL_CLIENT_ID, PLAID_SECRET: LOCAL_SECRET },
      "local Plaid server on",
    );
    try {
      const app = await startAppServer(
        { databaseUrl: url, encryptionKeys: DATASET.encryptionKeys, plaidUrl },
        progress,
      );
      try {
        return await work(app, url, generatedSeconds);
      } finally {
        await app.stop();
      }
    } finally {
      await plaid.stop();
    }
  });
}
