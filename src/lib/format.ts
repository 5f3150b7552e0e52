/** Display formatting in the user's locale. Amounts arrive as exact decimal strings. */

export function formatMoney(amount: string, currency: string, locale?: string): string {
  // Intl accepts decimal strings (NumberFormat v3), so no binary float ever touches the amount.
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as `${number}`);
}

/** A change: "+$12.00", "-$3.50", "$0.00". */
export function formatMoneyChange(amount: string, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, signDisplay: "exceptZero" }).format(
    amount as `${number}`,
  );
}

export function formatDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function humanizeSlug(slug: string): string {
  const words = slug.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
