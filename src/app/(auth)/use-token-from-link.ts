"use client";

import { useEffect } from "react";

/**
 * The emailed token has been read into the page; take it out of the address bar so it does not
 * linger in history, bookmarks or screenshots.
 */
export function useTokenFromLink(path: string) {
  useEffect(() => {
    if (window.location.search.includes("token=")) window.history.replaceState(null, "", path);
  }, [path]);
}
