"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";

/** A page under (app) failed: say so in its place, keep the navigation, offer a retry. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  // Server errors arrive without details on purpose; the digest matches the server's log line.
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <TriangleAlert className="size-10 text-destructive" aria-hidden />
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-sm text-muted-foreground">
        Something went wrong on our side. Your data is safe; try again in a moment.
        {digest && ` (reference ${digest})`}
      </p>
      <div className="flex gap-2">
        <Button onClick={() => retry()}>Try again</Button>
        <Button asChild variant="outline">
          <Link href="/dashboard">Go to the dashboard</Link>
        </Button>
      </div>
    </div>
  );
}
