"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Landmark, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { useTRPC } from "~/lib/trpc/react";
import { PlaidLinkButton } from "./plaid-link-button";

/** "Connect a bank": Plaid Link in sandbox and production, a picker of the local server's banks otherwise. */
export function ConnectBank() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: link } = useSuspenseQuery(trpc.bank.linkMode.queryOptions());
  const [picking, setPicking] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bank.pathKey() });
  const exchange = useMutation(trpc.bank.exchangePublicToken.mutationOptions({ onSuccess: refresh }));

  if (link.mode === "link") {
    return (
      <div className="flex flex-col items-start gap-2">
        <PlaidLinkButton onLinked={(publicToken) => publicToken && exchange.mutate({ publicToken })}>
          <Plus aria-hidden /> Connect a bank
        </PlaidLinkButton>
        {exchange.error && (
          <p role="alert" className="text-sm text-destructive">
            {exchange.error.message}
          </p>
        )}
      </div>
    );
  }
  return (
    <>
      <Button onClick={() => setPicking(true)}>
        <Plus aria-hidden /> Connect a bank
      </Button>
      <Dialog open={picking} onOpenChange={setPicking}>
        <DialogContent>
          <DialogTitle>Choose your bank</DialogTitle>
          <DialogDescription>
            These banks are served by the bundled local bank server ({link.env} mode). Connecting one goes through the
            same token exchange as Plaid Link.
          </DialogDescription>
          {picking && <InstitutionPicker onConnected={() => setPicking(false)} />}
        </DialogContent>
      </Dialog>
    </>
  );
}

function InstitutionPicker({ onConnected }: { onConnected: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const institutions = useQuery(trpc.bank.sandboxInstitutions.queryOptions());
  const connect = useMutation(
    trpc.bank.connectSandbox.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.bank.pathKey() });
        onConnected();
      },
    }),
  );
  if (institutions.isPending) return <p className="text-sm text-muted-foreground">Loading banks…</p>;
  if (institutions.error)
    return (
      <p role="alert" className="text-sm text-destructive">
        {institutions.error.message}
      </p>
    );
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex max-h-80 flex-col gap-1 overflow-y-auto" aria-label="Banks">
        {institutions.data.map((institution) => (
          <li key={institution.institutionId}>
            <Button
              variant="outline"
              className="w-full justify-start"
              disabled={connect.isPending}
              onClick={() => connect.mutate({ institutionId: institution.institutionId })}
            >
              <Landmark aria-hidden /> {institution.name}
            </Button>
          </li>
        ))}
      </ul>
      {connect.error && (
        <p role="alert" className="text-sm text-destructive">
          {connect.error.message}
        </p>
      )}
    </div>
  );
}
