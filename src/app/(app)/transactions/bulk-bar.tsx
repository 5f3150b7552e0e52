"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { NativeSelect } from "~/components/ui/native-select";
import { useCategories } from "~/lib/categories/use-categories";
import { useRecategorize } from "./use-recategorize";

export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { categories } = useCategories();
  const recategorize = useRecategorize();
  const [category, setCategory] = useState("");
  const [applyToMerchant, setApplyToMerchant] = useState(false);
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-3 rounded-lg border bg-accent/50 p-3 text-sm"
    >
      <span className="font-medium">{ids.length} selected</span>
      <NativeSelect
        aria-label="New category"
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        className="w-56"
      >
        <option value="">Choose a category…</option>
        {categories.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.slug === c.primary ? c.label : `  ${c.label}`}
          </option>
        ))}
      </NativeSelect>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={applyToMerchant}
          onChange={(e) => setApplyToMerchant(e.target.checked)}
          className="size-4 accent-primary"
        />
        Also apply to past transactions from these merchants
      </label>
      <Button
        size="sm"
        disabled={!category || recategorize.isPending}
        onClick={() => recategorize.mutate({ ids, category, applyToMerchant }, { onSuccess: onDone })}
      >
        {recategorize.isPending ? "Saving…" : "Recategorize"}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      {recategorize.error && (
        <p role="alert" className="w-full text-destructive">
          {recategorize.error.message}
        </p>
      )}
    </div>
  );
}
