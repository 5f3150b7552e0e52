"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/lib/trpc/react";
import { requestPasswordResetSchema } from "~/server/user/schemas";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [notice, setNotice] = useState<FormNotice>(null);
  const request = useMutation(
    trpc.user.requestPasswordReset.mutationOptions({
      onSuccess: () =>
        setNotice({ ok: true, text: "If an account uses that address, a link is on its way. It works for one hour." }),
      onError: (error) => setNotice({ ok: false, text: error.message }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestPasswordResetSchema.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!parsed.success) return setNotice({ ok: false, text: "Enter a valid email address." });
    request.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field id="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <FormMessage notice={notice} />
      <Button type="submit" disabled={request.isPending}>
        Send reset link
      </Button>
    </form>
  );
}
