"use client";

import { useState } from "react";
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

/** The currencies present and the one being shown: the user's pick, else the first. */
export function useCurrencyChoice(rows: { currency: string }[]) {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const [picked, setCurrency] = useState<string | null>(null);
  return { currencies, currency: picked ?? currencies[0] ?? "USD", setCurrency };
}
