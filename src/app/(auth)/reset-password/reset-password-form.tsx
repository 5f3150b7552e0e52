"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/lib/trpc/react";
import { passwordSchema } from "~/server/user/schemas";
import { useTokenFromLink } from "../use-token-from-link";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  useTokenFromLink("/reset-password");
  const [notice, setNotice] = useState<FormNotice>(
    token ? null : { ok: false, text: "This link is incomplete. Ask for a new one." },
  );
  const reset = useMutation(
    trpc.user.resetPassword.mutationOptions({ onError: (error) => setNotice({ ok: false, text: error.message }) }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get("password") !== form.get("repeat"))
      return setNotice({ ok: false, text: "The passwords do not match." });
    const password = passwordSchema.safeParse(form.get("password"));
    if (!password.success) return setNotice({ ok: false, text: password.error.issues[0]!.message });
    setNotice(null);
    reset.mutate({ token, password: password.data });
  }

  if (reset.isSuccess) {
    return (
      <p role="status" className="text-sm">
        Your password has been changed.{" "}
        <Link className="font-medium text-primary" href="/sign-in">
          Sign in
        </Link>{" "}
        with it now.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field id="password" label="New password (at least 10 characters)">
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Field id="repeat" label="New password again">
        <Input id="repeat" name="repeat" type="password" autoComplete="new-password" required />
      </Field>
      <FormMessage notice={notice} />
      <Button type="submit" disabled={reset.isPending || !token}>
        Set new password
      </Button>
      <Link className="text-sm text-primary underline-offset-4 hover:underline" href="/forgot-password">
        Ask for a new link
      </Link>
    </form>
  );
}
