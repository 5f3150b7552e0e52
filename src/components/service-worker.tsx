"use client";

import { WifiOff } from "lucide-react";
import { useEffect, useState } from "react";

/** Registers the service worker and tells the user, plainly, when they are looking at an offline copy. */
export function ServiceWorker() {
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  if (!offline) return null;
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900/50 dark:text-amber-100"
    >
      <WifiOff className="size-4" aria-hidden />
      You are offline. This is the last copy saved on this device; changes are unavailable until you reconnect.
    </div>
  );
}
