"use client";

import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useCategories } from "~/lib/categories/use-categories";
import { ExportLinks } from "./export-links";
import type { TransactionFilters } from "./filters";

type Props = {
  filters: TransactionFilters;
  accounts: { id: string; name: string }[];
  onChange: (filters: TransactionFilters) => void;
};

export function FilterBar({ filters, accounts, onChange }: Props) {
  const { primaries } = useCategories();
  const [search, setSearch] = useState(filters.search ?? "");

  // Typing should not fire a query per keystroke; wait for a pause.
  useEffect(() => {
    if ((filters.search ?? "") === search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: search || undefined }), 300);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const hasFilters = Object.keys(filters).length > 0;
  return (
    <form role="search" className="flex flex-wrap items-end gap-2" onSubmit={(e) => e.preventDefault()}>
      <label className="relative min-w-52 flex-1">
        <span className="sr-only">Search transactions</span>
        <Search
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search merchant, description, notes"
          className="pl-9"
        />
      </label>
      <NativeSelect
        aria-label="Category"
        value={filters.category ?? ""}
        onChange={(e) => onChange({ ...filters, category: e.target.value || undefined })}
        className="w-44"
      >
        <option value="">All categories</option>
        {primaries.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.label}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Account"
        value={filters.accountId ?? ""}
        onChange={(e) => onChange({ ...filters, accountId: e.target.value || undefined })}
        className="w-44"
      >
        <option value="">All accounts</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </NativeSelect>
      <Input
        type="date"
        aria-label="From"
        value={filters.from ?? ""}
        onChange={(e) => onChange({ ...filters, from: e.target.value || undefined })}
        className="w-40"
      />
      <Input
        type="date"
        aria-label="To"
        value={filters.to ?? ""}
        onChange={(e) => onChange({ ...filters, to: e.target.value || undefined })}
        className="w-40"
      />
      {hasFilters && (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setSearch("");
            onChange({});
          }}
        >
          <X aria-hidden /> Clear
        </Button>
      )}
      <ExportLinks filters={filters} />
    </form>
  );
}
