import type { Metadata } from "next";
import Link from "next/link";
import { emailConfigured } from "~/server/email/send-email";
import { env } from "~/server/env";
import { AuthCard } from "../auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  const devOutbox = !emailConfigured() && env.NODE_ENV !== "production";
  return (
    <AuthCard title="Forgot your password?" description="We will email you a link to choose a new one.">
      <ForgotPasswordForm />
      {devOutbox && (
        <p className="text-xs text-muted-foreground">
          No mail server is set up (SMTP_URL); in development the email appears in the{" "}
          <Link className="text-primary underline-offset-4 hover:underline" href="/dev-outbox">
            dev outbox
          </Link>
          .
        </p>
      )}
      <Link className="text-sm text-primary underline-offset-4 hover:underline" href="/sign-in">
        Back to sign in
      </Link>
    </AuthCard>
  );
}
