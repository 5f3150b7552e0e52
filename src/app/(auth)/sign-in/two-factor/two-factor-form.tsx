"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { signInErrorMessage } from "../sign-in-messages";

export function TwoFactorForm({ challenge }: { challenge: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<FormNotice>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const code = String(new FormData(event.currentTarget).get("code"));
    const result = await signIn("two-factor", { challenge, code, redirect: false });
    setPending(false);
    if (!result || result.error) return setNotice({ ok: false, text: signInErrorMessage(result?.error ?? "") });
    router.replace("/dashboard");
    router.refresh();
  }

  if (!challenge) {
    return (
      <p className="text-sm">
        This page needs a sign-in in progress. <Link href="/sign-in">Start again</Link>.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <Field id="code" label="Authentication code">
        <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required />
      </Field>
      <p className="text-xs text-muted-foreground">Lost your phone? A recovery code works here too.</p>
      <FormMessage notice={notice} />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Sign in"}
      </Button>
    </form>
  );
}
