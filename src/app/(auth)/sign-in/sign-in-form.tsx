"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { SIGN_IN_ERROR } from "~/server/auth/sign-in-errors";
import { signInErrorMessage } from "./sign-in-messages";

export function SignInForm({
  callbackUrl,
  initialEmail = "",
  initialError = null,
  googleEnabled = false,
}: {
  callbackUrl: string;
  initialEmail?: string;
  initialError?: string | null;
  googleEnabled?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError && signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  // After a right password on an account with two-factor, the same form asks for the code.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      ...(needsCode && { totp: String(form.get("totp") ?? "") }),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      const code = result?.error ?? "";
      // Not an error: the password was right, and the code field's own hint says what to do.
      if (code === SIGN_IN_ERROR.twoFactorRequired) return setNeedsCode(true);
      setError(signInErrorMessage(code));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <div className="flex flex-col gap-2">
          <Label htmlFor="email">Email</Label>
          <Input id="email" name="email" type="email" autoComplete="email" defaultValue={initialEmail} required />
        </div>
        <div className="flex flex-col gap-2">
          <div className="flex items-baseline justify-between">
            <Label htmlFor="password">Password</Label>
            <Link className="text-xs text-primary underline-offset-4 hover:underline" href="/forgot-password">
              Forgot password?
            </Link>
          </div>
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {needsCode && (
          <div className="flex flex-col gap-2">
            <Label htmlFor="totp">Authentication code</Label>
            <Input
              id="totp"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              aria-describedby="totp-hint"
              required
            />
            <p id="totp-hint" className="text-xs text-muted-foreground">
              Six digits from your authenticator app, or one of your recovery codes.
            </p>
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : needsCode ? "Verify and sign in" : "Sign in"}
        </Button>
      </form>
      {googleEnabled && (
        <Button type="button" variant="outline" onClick={() => void signIn("google", { callbackUrl })}>
          Sign in with Google
        </Button>
      )}
    </div>
  );
}
