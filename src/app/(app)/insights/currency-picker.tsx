"use client";

import { NativeSelect } from "~/components/ui/native-select";

/** Charts show one currency at a time: amounts in different currencies are never stacked together. */
export function CurrencyPicker({
  currencies,
  value,
  onChange,
}: {
  currencies: string[];
  value: string;
  onChange: (currency: string) => void;
}) {
  if (currencies.length < 2) return null;
  return (
    <NativeSelect aria-label="Currency" value={value} onChange={(e) => onChange(e.target.value)} className="w-28">
      {currencies.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </NativeSelect>
  );
}

export function currenciesOf(rows: { currency: string }[]): string[] {
  return [...new Set(rows.map((r) => r.currency))].sort();
}
