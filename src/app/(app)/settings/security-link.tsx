import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";

export function SecurityLink() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign-in and security</CardTitle>
        <CardDescription>
          Password, two-factor authentication, signed-in devices, API tokens for scripts, and the log of sensitive
          actions.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild variant="outline">
          <Link href="/settings/security">
            <ShieldCheck aria-hidden /> Security settings
          </Link>
        </Button>
      </CardContent>
    </Card>
  );
}
