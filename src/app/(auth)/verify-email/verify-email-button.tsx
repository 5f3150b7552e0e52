"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { FormMessage } from "~/components/ui/form-message";
import { useTRPC } from "~/lib/trpc/react";
import { useTokenFromLink } from "../use-token-from-link";

/** A button, not an automatic request: mail scanners that open links must not use the token up. */
export function VerifyEmailButton({ token }: { token: string }) {
  const trpc = useTRPC();
  useTokenFromLink("/verify-email");
  const verify = useMutation(trpc.user.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <p role="status" className="text-sm">
        Thank you, your email address is confirmed.{" "}
        <Link className="font-medium text-primary" href="/dashboard">
          Go to the dashboard
        </Link>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <Button onClick={() => verify.mutate({ token })} disabled={!token || verify.isPending}>
        Confirm my email address
      </Button>
      <FormMessage
        notice={
          !token
            ? { ok: false, text: "This link is incomplete. Send a new one from Settings." }
            : verify.error && { ok: false, text: verify.error.message }
        }
      />
    </div>
  );
}
