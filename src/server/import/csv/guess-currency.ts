/**
 * A CSV's currency when no column says it: from the amount column's header ("Amount (EUR)",
 * "Withdrawals (SGD)") or from the symbol printed with the amounts ("£67.40"). "$" is left alone:
 * it is the sign of a dozen currencies.
 */
import { amountDecoration } from "../parse-amount";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const SYMBOLS: Record<string, string> = {
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
  "₺": "TRY",
  "₪": "ILS",
  zł: "PLN",
  Kč: "CZK",
  Ft: "HUF",
};

export function currencyOfHeader(header: string): string | null {
  return header.match(/\b[A-Z]{3}\b/g)?.find((code) => CURRENCIES.has(code)) ?? null;
}

export function currencyOfSymbol(amounts: readonly string[]): string | null {
  for (const raw of amounts) {
    const decoration = amountDecoration(raw).replace(/[\s.]/g, "");
    if (!decoration) continue;
    const code = SYMBOLS[decoration] ?? (CURRENCIES.has(decoration.toUpperCase()) ? decoration.toUpperCase() : null);
    if (code) return code;
  }
  return null;
}
