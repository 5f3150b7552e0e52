"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/lib/trpc/react";
import { changePasswordSchema } from "~/server/user/schemas";

export function PasswordSettings() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const [notice, setNotice] = useState<FormNotice>(null);
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: ({ signedOutSessions }) =>
        setNotice({
          ok: true,
          text: `Password changed.${signedOutSessions ? ` ${signedOutSessions} other device(s) signed out.` : ""}`,
        }),
      onError: (error) => setNotice({ ok: false, text: error.message }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("repeat")) {
      return setNotice({ ok: false, text: "The new passwords do not match." });
    }
    const parsed = changePasswordSchema.safeParse({
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
    });
    if (!parsed.success) return setNotice({ ok: false, text: parsed.error.issues.map((i) => i.message).join(". ") });
    change.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <Card data-testid="password-settings">
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>Changing it signs out every other device.</CardDescription>
      </CardHeader>
      <CardContent>
        {me.hasPassword ? (
          <form onSubmit={onSubmit} className="flex flex-col gap-4">
            <Field id="currentPassword" label="Current password">
              <Input
                id="currentPassword"
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
              />
            </Field>
            <Field id="newPassword" label="New password (at least 10 characters)">
              <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
            </Field>
            <Field id="repeat" label="New password again">
              <Input id="repeat" name="repeat" type="password" autoComplete="new-password" required />
            </Field>
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={change.isPending}>
                Change password
              </Button>
              <FormMessage notice={notice} />
            </div>
          </form>
        ) : (
          <p className="text-sm text-muted-foreground">
            You sign in with Google. To add a password as well, use{" "}
            <Link className="text-primary underline-offset-4 hover:underline" href="/forgot-password">
              “Forgot password”
            </Link>{" "}
            with your email address.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
