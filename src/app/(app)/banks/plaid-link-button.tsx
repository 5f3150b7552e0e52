"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { usePlaidLink } from "react-plaid-link";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/lib/trpc/react";

/**
 * Opens Plaid Link with a fresh link token. With a connection id Link runs in update mode (the
 * user signs in to that bank again) and hands back no public token; otherwise the public token
 * goes to the server for the exchange.
 * https://plaid.com/docs/link/web/
 */
export function PlaidLinkButton({
  connectionId,
  onLinked,
  children,
  variant,
}: {
  connectionId?: string;
  /** Update mode gives no public token: the same access token works again. */
  onLinked: (publicToken: string | null) => void;
  children: ReactNode;
  variant?: "default" | "outline";
}) {
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null>(null);
  const createToken = useMutation(trpc.bank.createLinkToken.mutationOptions());

  return (
    <>
      <Button
        variant={variant}
        disabled={createToken.isPending || Boolean(token)}
        onClick={() =>
          createToken.mutate(connectionId ? { connectionId } : undefined, { onSuccess: (t) => setToken(t.linkToken) })
        }
      >
        {children}
      </Button>
      {token && (
        <OpenLink
          token={token}
          onSuccess={(publicToken) => {
            setToken(null);
            onLinked(publicToken);
          }}
          onExit={() => setToken(null)}
        />
      )}
      {createToken.error && (
        <p role="alert" className="text-sm text-destructive">
          {createToken.error.message}
        </p>
      )}
    </>
  );
}

/** Mounted only once a link token exists: Link loads its script, then opens itself. */
function OpenLink({
  token,
  onSuccess,
  onExit,
}: {
  token: string;
  onSuccess: (publicToken: string | null) => void;
  onExit: () => void;
}) {
  const { open, ready } = usePlaidLink({ token, onSuccess, onExit });
  useEffect(() => {
    if (ready) open();
  }, [ready, open]);
  return null;
}
