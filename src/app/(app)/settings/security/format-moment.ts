/** "Mar 2, 2026, 14:05" in the user's own time zone and format, the same on the server and in the browser. */
export function formatMoment(value: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}
