import type { Metadata } from "next";
import { AuthCard } from "../../auth-card";
import { TwoFactorForm } from "./two-factor-form";

export const metadata: Metadata = { title: "Two-factor code" };

/** Where Google sign-in lands for an account with two-factor on (src/server/auth/two-factor-challenge.ts). */
export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { challenge } = await searchParams;
  return (
    <AuthCard title="One more step" description="Enter the code from your authenticator app to finish signing in.">
      <TwoFactorForm challenge={typeof challenge === "string" ? challenge : ""} />
    </AuthCard>
  );
}
