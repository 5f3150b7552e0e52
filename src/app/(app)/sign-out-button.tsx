"use client";

import { LogOut } from "lucide-react";
import { Button } from "~/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => {
        navigator.serviceWorker?.controller?.postMessage("clear-private-cache");
        // next-auth's client (and the Babel helpers it brings) is needed only now, not on every page load.
        void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/sign-in" }));
      }}
    >
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
