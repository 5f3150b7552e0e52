"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { DialogFormFooter } from "~/components/ui/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";

type Connection = RouterOutputs["bank"]["connections"][number];

/** Disconnecting ends our access at the bank; the user decides whether its history stays. */
export function DisconnectDialog({
  connection,
  open,
  onOpenChange,
}: {
  connection: Connection;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [keepHistory, setKeepHistory] = useState(true);
  const disconnect = useMutation(
    trpc.bank.disconnect.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        onOpenChange(false);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disconnect.mutate({ connectionId: connection.id, keepHistory });
  };
  const name = connection.institutionName ?? "this bank";

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogTitle>Disconnect {name}?</DialogTitle>
        <DialogDescription>The bank is told to end our access; nothing new will sync from it.</DialogDescription>
        <form onSubmit={submit} className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="mb-1 font-medium">Its accounts and transactions</legend>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="history"
                checked={keepHistory}
                onChange={() => setKeepHistory(true)}
                className="mt-1"
              />
              <span>Keep them, read-only, in budgets, insights and reports</span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="history"
                checked={!keepHistory}
                onChange={() => setKeepHistory(false)}
                className="mt-1"
              />
              <span>Delete them for good</span>
            </label>
          </fieldset>
          <DialogFormFooter
            problem={disconnect.error?.message ?? null}
            pending={disconnect.isPending}
            submitLabel={keepHistory ? "Disconnect" : "Disconnect and delete"}
            onCancel={() => onOpenChange(false)}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
