"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "~/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => {
        navigator.serviceWorker?.controller?.postMessage("clear-private-cache");
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
