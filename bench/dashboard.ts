/**
 * Issue 9's dashboard figures alone (dashboard-speed.ts): the load bench's app and data set,
 * without the load, for working on the page. `npm run bench -- dashboard` or
 * `npx tsx bench/dashboard.ts`.
 */
import { measureDashboardSpeed } from "./dashboard-speed";
import { withDatasetApp } from "./dataset/dataset-app";
import { DATASET, datasetEmail } from "./dataset/generate-dataset";
import { type Metric, runWhenMain } from "./metric";
import { signInCookie } from "./sign-in";

const progress = (line: string) => console.error(line);

export function run(): Promise<Metric[]> {
  return withDatasetApp("dashboard", progress, async (app) =>
    measureDashboardSpeed(
      app.url,
      await signInCookie(app.url, datasetEmail(0), DATASET.password),
      await signInCookie(app.url, datasetEmail(1), DATASET.password),
      progress,
    ),
  );
}

runWhenMain(import.meta, "dashboard", run);
