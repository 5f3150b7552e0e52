"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { FormMessage } from "~/components/ui/form-message";
import { useTRPC } from "~/lib/trpc/react";
import { useFormat } from "~/lib/use-format";

export function SessionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: sessions } = useSuspenseQuery(trpc.security.sessions.list.queryOptions());
  const format = useFormat();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.security.pathKey() });
  const revoke = useMutation(trpc.security.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(trpc.security.sessions.revokeOthers.mutationOptions({ onSuccess: refresh }));
  const revokeAll = useMutation(
    trpc.security.sessions.revokeAll.mutationOptions({
      onSuccess: () => {
        navigator.serviceWorker?.controller?.postMessage("clear-private-cache");
        void signOut({ callbackUrl: "/sign-in" });
      },
    }),
  );
  const error = revoke.error ?? revokeOthers.error ?? revokeAll.error;

  return (
    <Card className="lg:col-span-2" data-testid="sessions">
      <CardHeader>
        <CardTitle>Signed-in devices</CardTitle>
        <CardDescription>Signing a device out takes effect on its next request.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ul className="divide-y rounded-md border">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <div>
                <p className="flex items-center gap-2 font-medium">
                  {session.device} {session.current && <Badge variant="secondary">This device</Badge>}
                </p>
                <p className="text-muted-foreground">
                  {session.ipAddress ?? "Unknown address"} · signed in {format.moment(session.createdAt)} · last active{" "}
                  {format.moment(session.lastUsedAt)}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: session.id })}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
            Sign out other devices
          </Button>
          <Button variant="destructive" disabled={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
            Sign out everywhere
          </Button>
        </div>
        <FormMessage notice={error && { ok: false, text: error.message }} />
      </CardContent>
    </Card>
  );
}
