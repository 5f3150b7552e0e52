"use client";

import type { Formatters } from "~/lib/format";
import type { RouterOutputs } from "~/lib/trpc/types";

type Run = NonNullable<RouterOutputs["bank"]["connections"][number]["lastRun"]>;

/**
 * A running sync, from its sync_run row. Plaid's change feed does not say how many pages are
 * left, so the bar moves without a percentage while the count of pages fetched grows.
 */
export function SyncProgress({ run }: { run: Run }) {
  return (
    <div className="flex flex-col gap-1.5" data-testid="sync-progress">
      <div
        role="progressbar"
        aria-label="Sync in progress"
        aria-valuetext={`${run.pages} pages fetched`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full w-1/3 animate-pulse rounded-full bg-primary motion-safe:animate-[pulse_1s_ease-in-out_infinite]" />
      </div>
      <p className="text-xs text-muted-foreground" aria-live="polite">
        Syncing…{" "}
        {run.pages === 0 ? "asking the bank for changes" : `${run.pages} page${run.pages === 1 ? "" : "s"} fetched`}
      </p>
    </div>
  );
}

export function describeRun(run: Run | null, format: Formatters): string {
  if (!run) return "Not synced yet";
  if (run.status === "FAILED") return `Last sync failed${run.error ? `: ${run.error}` : ""}`;
  if (run.status === "RUNNING") return "Syncing now";
  const when = run.finishedAt ? format.moment(run.finishedAt) : "";
  return `Synced ${when} · ${run.added} new, ${run.modified} changed, ${run.removed} removed`;
}
