/**
 * Display formatting. Every formatter takes the locale (and, for instants, the time zone) explicitly:
 * the runtime's default differs between the server render and the browser, and a page whose text
 * differs between the two fails to hydrate (React #418). Amounts arrive as exact decimal strings.
 */

/** What signed-out pages, and a user who chose nothing, see. */
export const DEFAULT_DISPLAY = { locale: "en-US", timeZone: "UTC" } as const;

export type DisplayPreferences = { locale: string; timeZone: string };

// Building an Intl formatter costs far more than using one, and a table formats hundreds of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "$1,234.56" in en-US, "1.234,56 €" in de-DE. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  // Intl accepts decimal strings (NumberFormat v3), so no binary float ever touches the amount.
  return numberFormat(locale, { style: "currency", currency }).format(amount as `${number}`);
}

/** A change: "+$12.00", "-$3.50", "$0.00". */
export function formatMoneyChange(amount: string, currency: string, locale: string): string {
  return numberFormat(locale, { style: "currency", currency, signDisplay: "exceptZero" }).format(amount as `${number}`);
}

/** A chart axis tick: "$1.2K", "1234 €" — short, since the tooltip shows the exact figure. */
export function formatMoneyTick(value: number, currency: string, locale: string): string {
  return numberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

// Calendar days ("2026-03-02") and months ("2026-03") are dates without a time: shown as they are,
// whatever the time zone, so they are read at midnight UTC and formatted in UTC.
const atUtcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Mar 2" / "2. März". */
export function formatDay(day: string, locale: string): string {
  return dateFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(atUtcMidnight(day));
}

/** "Mar 2, 2026" / "02.03.2026". */
export function formatFullDay(day: string, locale: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(atUtcMidnight(day));
}

/** A row's day: "Mar 2" within the current year on the user's calendar, "Dec 31, 2015" before it. */
export function formatListDay(day: string, { locale, timeZone }: DisplayPreferences, now = new Date()): string {
  const thisYear = dateFormat("en-US", { year: "numeric", timeZone }).format(now);
  return day.startsWith(`${thisYear}-`) ? formatDay(day, locale) : formatFullDay(day, locale);
}

/** "Mar 2026" / "März 2026", from "2026-03". */
export function formatMonth(month: string, locale: string): string {
  return dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    atUtcMidnight(`${month.slice(0, 7)}-01`),
  );
}

/** An instant, "Mar 2, 2026, 2:05 PM", on the user's clock. */
export function formatMoment(value: Date | string, { locale, timeZone }: DisplayPreferences): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}

/** An instant's time of day, "2:05 PM", on the user's clock. */
export function formatTime(value: Date | string, { locale, timeZone }: DisplayPreferences): string {
  return dateFormat(locale, { timeStyle: "short", timeZone }).format(new Date(value));
}

/** An instant's day, "Mar 2, 2026", on the user's clock. */
export function formatMomentDay(value: Date | string, { locale, timeZone }: DisplayPreferences): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(value));
}

/** The formatters bound to one user's preferences: what `useFormat()` gives components. */
export function formattersFor(display: DisplayPreferences) {
  const { locale } = display;
  return {
    locale,
    timeZone: display.timeZone,
    money: (amount: string, currency: string) => formatMoney(amount, currency, locale),
    moneyChange: (amount: string, currency: string) => formatMoneyChange(amount, currency, locale),
    moneyTick: (value: number, currency: string) => formatMoneyTick(value, currency, locale),
    day: (day: string) => formatDay(day, locale),
    fullDay: (day: string) => formatFullDay(day, locale),
    listDay: (day: string) => formatListDay(day, display),
    month: (month: string) => formatMonth(month, locale),
    moment: (value: Date | string) => formatMoment(value, display),
    time: (value: Date | string) => formatTime(value, display),
    momentDay: (value: Date | string) => formatMomentDay(value, display),
  };
}

export type Formatters = ReturnType<typeof formattersFor>;

export function humanizeSlug(slug: string): string {
  const words = slug.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
