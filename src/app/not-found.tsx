import { Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FullPageMessage } from "~/components/full-page-message";
import { Button } from "~/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <FullPageMessage icon={Compass} title="Page not found">
      <p className="max-w-sm text-sm text-muted-foreground">There is nothing at this address. It may have moved.</p>
      <Button asChild>
        <Link href="/dashboard">Go to the dashboard</Link>
      </Button>
    </FullPageMessage>
  );
}
