"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "~/components/ui/dialog";
import { DialogFormFooter } from "~/components/ui/dialog-form-footer";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/lib/trpc/react";
import { ACCOUNT_DELETION_KEEPS } from "~/server/user/account-deletion-policy";

export function DeleteAccount() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const { data: twoFactor } = useSuspenseQuery(trpc.security.twoFactor.status.queryOptions());
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.user.deleteAccount.mutationOptions({
      onSuccess: () => {
        navigator.serviceWorker?.controller?.postMessage("clear-private-cache");
        void signOut({ callbackUrl: "/sign-in?deleted=1" });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    remove.mutate({
      confirm: String(form.get("confirm")) as "DELETE",
      password: me.hasPassword ? String(form.get("password")) : undefined,
      code: twoFactor.enabled ? String(form.get("code")) : undefined,
    });
  }

  return (
    <Card data-testid="delete-account" className="border-destructive/40">
      <CardHeader>
        <CardTitle>Delete your account</CardTitle>
        <CardDescription>
          Your bank connections are removed at the provider, then every account, transaction, budget, goal, rule and
          message is deleted. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="destructive">Delete my account…</Button>
          </DialogTrigger>
          <DialogContent className="max-w-lg">
            <DialogTitle>Delete your account for good?</DialogTitle>
            <DialogDescription>
              Everything is deleted except what is listed here, for the reason given.
            </DialogDescription>
            <ul className="flex list-disc flex-col gap-2 pl-5 text-sm">
              {ACCOUNT_DELETION_KEEPS.map((kept) => (
                <li key={kept.what}>
                  <span className="font-medium">{kept.what}.</span>{" "}
                  <span className="text-muted-foreground">{kept.why}</span>
                </li>
              ))}
            </ul>
            <form onSubmit={onSubmit} className="flex flex-col gap-4">
              {me.hasPassword && (
                <Field id="delete-password" label="Your password">
                  <Input
                    id="delete-password"
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                  />
                </Field>
              )}
              {twoFactor.enabled && (
                <Field id="delete-code" label="Code from your authenticator app (or a recovery code)">
                  <Input id="delete-code" name="code" autoComplete="one-time-code" inputMode="numeric" required />
                </Field>
              )}
              <Field id="delete-confirm" label="Type DELETE to confirm">
                <Input id="delete-confirm" name="confirm" autoComplete="off" required pattern="DELETE" />
              </Field>
              <DialogFormFooter
                problem={remove.error?.message ?? null}
                pending={remove.isPending}
                submitLabel={remove.isPending ? "Deleting…" : "Delete everything"}
                onCancel={() => setOpen(false)}
              />
            </form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
