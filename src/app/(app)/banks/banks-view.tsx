"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Landmark, RefreshCw, Unplug } from "lucide-react";
import { useEffect, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { useFormat } from "~/lib/use-format";
import { ConnectBank } from "./connect-bank";
import { DisconnectDialog } from "./disconnect-dialog";
import { PlaidLinkButton } from "./plaid-link-button";
import { SyncProgress, describeRun } from "./sync-progress";

type Connection = RouterOutputs["bank"]["connections"][number];

// A queued sync has no run row yet: keep polling briefly after asking for one.
const WATCH_AFTER_REQUEST_MS = 20_000;
const POLL_MS = 1_000;

const isSyncing = (c: Connection) => c.status === "SYNCING" || c.lastRun?.status === "RUNNING";

const STATUS: Record<
  Connection["status"],
  { label: string; variant: "default" | "secondary" | "outline" | "warning" }
> = {
  ACTIVE: { label: "Connected", variant: "secondary" },
  SYNCING: { label: "Syncing", variant: "default" },
  ERROR: { label: "Sync failed", variant: "warning" },
  REAUTH_REQUIRED: { label: "Sign-in needed", variant: "warning" },
  DISCONNECTED: { label: "Disconnected", variant: "outline" },
};

export function BanksView() {
  const trpc = useTRPC();
  const [watching, setWatching] = useState(0);
  const { data: connections } = useSuspenseQuery(
    trpc.bank.connections.queryOptions(undefined, {
      refetchInterval: (query) => ((query.state.data ?? []).some(isSyncing) || watching > 0 ? POLL_MS : false),
    }),
  );
  const watch = () => setWatching((n) => n + 1);
  useEffect(() => {
    if (watching === 0) return;
    const stop = setTimeout(() => setWatching(0), WATCH_AFTER_REQUEST_MS);
    return () => clearTimeout(stop);
  }, [watching]);

  return (
    <div className="flex flex-col gap-4">
      <div onClickCapture={watch}>
        <ConnectBank />
      </div>
      {connections.length === 0 && (
        <Card>
          <CardContent className="flex flex-col items-center gap-2 py-12 text-center text-sm text-muted-foreground">
            <Landmark className="size-8" aria-hidden />
            <p>No bank connected yet. Connect one and its last two years of transactions arrive here.</p>
          </CardContent>
        </Card>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Bank connections">
        {connections.map((connection) => (
          <li key={connection.id}>
            <ConnectionCard connection={connection} onSyncRequested={watch} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConnectionCard({ connection, onSyncRequested }: { connection: Connection; onSyncRequested: () => void }) {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: link } = useSuspenseQuery(trpc.bank.linkMode.queryOptions());
  const [disconnecting, setDisconnecting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bank.pathKey() });
  const syncNow = useMutation(trpc.bank.syncNow.mutationOptions({ onSuccess: refresh }));
  const reauth = useMutation(trpc.bank.confirmReauth.mutationOptions({ onSuccess: refresh }));
  const status = STATUS[connection.status];
  const live = connection.status !== "DISCONNECTED";
  const problem = syncNow.error?.message ?? reauth.error?.message;

  return (
    <Card data-testid="bank-connection">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {connection.institutionName ?? "Bank"}
          <Badge variant={status.variant}>{status.label}</Badge>
        </CardTitle>
        <CardDescription>
          {connection.accounts.map((a) => (a.mask ? `${a.name} •••${a.mask}` : a.name)).join(" · ") ||
            "Accounts arrive with the first sync"}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {isSyncing(connection) && connection.lastRun ? (
          <SyncProgress run={connection.lastRun} />
        ) : (
          <p className="text-sm text-muted-foreground">{describeRun(connection.lastRun, format)}</p>
        )}
        {connection.status === "REAUTH_REQUIRED" && (
          <p className="text-sm">The bank asks you to sign in again before it shares new transactions.</p>
        )}
        {problem && (
          <p role="alert" className="text-sm text-destructive">
            {problem}
          </p>
        )}
        {live && (
          <div className="flex flex-wrap gap-2">
            {connection.status === "REAUTH_REQUIRED" ? (
              link.mode === "link" ? (
                <PlaidLinkButton
                  connectionId={connection.id}
                  onLinked={() => reauth.mutate({ connectionId: connection.id })}
                >
                  Sign in again
                </PlaidLinkButton>
              ) : (
                <Button
                  disabled={reauth.isPending}
                  onClick={() => reauth.mutate({ connectionId: connection.id }, { onSuccess: onSyncRequested })}
                >
                  Check the sign-in again
                </Button>
              )
            ) : (
              <Button
                variant="outline"
                disabled={syncNow.isPending || isSyncing(connection)}
                onClick={() => syncNow.mutate({ connectionId: connection.id }, { onSuccess: onSyncRequested })}
              >
                <RefreshCw aria-hidden /> Sync now
              </Button>
            )}
            <Button variant="ghost" onClick={() => setDisconnecting(true)}>
              <Unplug aria-hidden /> Disconnect
            </Button>
          </div>
        )}
      </CardContent>
      <DisconnectDialog connection={connection} open={disconnecting} onOpenChange={setDisconnecting} />
    </Card>
  );
}
