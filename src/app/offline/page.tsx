import { WifiOff } from "lucide-react";
import type { Metadata } from "next";
import { FullPageMessage } from "~/components/full-page-message";

export const metadata: Metadata = { title: "Offline" };

// Static on purpose: the service worker stores this page at install time.
export default function OfflinePage() {
  return (
    <FullPageMessage icon={WifiOff} title="You are offline">
      <p className="max-w-sm text-sm text-muted-foreground">
        This page has not been saved on this device yet. Your dashboard opens offline once you have visited it with a
        connection.
      </p>
    </FullPageMessage>
  );
}
