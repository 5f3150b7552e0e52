"use client";

import { WifiOff } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** The build's scripts and styles this document has loaded so far. */
function loadedStaticAssets(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
}

/** Registers the service worker and tells the user, plainly, when they are looking at an offline copy. */
export function ServiceWorker() {
  const [offline, setOffline] = useState(false);
  const pathname = usePathname();

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    void navigator.serviceWorker.register("/sw.js", { scope: "/" });
  }, []);

  // The worker sees navigations only once it controls the page: tell it about each page shown,
  // so the first visit and client-side route changes can be kept for offline use too.
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: "page-shown", path: pathname, assets: loadedStaticAssets() }),
    );
  }, [pathname]);

  useEffect(() => {
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
