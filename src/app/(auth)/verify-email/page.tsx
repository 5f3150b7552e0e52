import type { Metadata } from "next";
import { AuthCard } from "../auth-card";
import { VerifyEmailButton } from "./verify-email-button";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email" description="One click confirms that this address is yours.">
      <VerifyEmailButton token={typeof token === "string" ? token : ""} />
    </AuthCard>
  );
}
