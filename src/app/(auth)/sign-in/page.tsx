import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { googleSignInEnabled } from "~/server/auth/google-sign-in";
import { getAppSession } from "~/server/auth/session";
import { safeCallbackUrl } from "../safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  if (await getAppSession()) redirect(callbackUrl);
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          Sign in
        </CardTitle>
        <CardDescription>
          {params.deleted ? "Your account has been deleted. Thank you for using Money Tracking." : "Welcome back."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <SignInForm callbackUrl={callbackUrl} initialError={error} googleEnabled={googleSignInEnabled()} />
        <p className="text-sm text-muted-foreground">
          New here?{" "}
          <Link className="font-medium text-primary underline-offset-4 hover:underline" href="/sign-up">
            Create an account
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
