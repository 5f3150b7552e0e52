"use client";

import { type ReactNode, createContext, useContext, useMemo } from "react";
import { DEFAULT_DISPLAY, type DisplayPreferences, type Formatters, formattersFor } from "./format";

// Outside a provider (signed-out pages) everything is shown the same fixed way on server and browser.
const DisplayContext = createContext<DisplayPreferences>(DEFAULT_DISPLAY);

/** Set once by the (app) layout from the signed-in user's preferences, read on the server and in the browser alike. */
export function DisplayProvider({ locale, timeZone, children }: DisplayPreferences & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, timeZone }), [locale, timeZone]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

/** Amounts, days and instants in the signed-in user's locale and time zone. */
export function useFormat(): Formatters {
  const display = useContext(DisplayContext);
  return useMemo(() => formattersFor(display), [display]);
}
