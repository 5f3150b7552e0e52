"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { formatMoney, humanizeSlug } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/react";

export function SpendingByCategory() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.transaction.categorySummary.queryOptions());
  const currencies = [...new Set(data.categories.map((c) => c.currency))];
  return (
    <Card className="lg:col-span-2" data-testid="spending-by-category">
      <CardHeader>
        <CardTitle>Spending this month</CardTitle>
        <CardDescription>
          {data.from} – {data.to}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {currencies.length === 0 && (
          <p className="py-6 text-center text-sm text-muted-foreground">No spending recorded this month yet.</p>
        )}
        {currencies.map((currency) => {
          const rows = data.categories.filter((c) => c.currency === currency);
          // Bar widths are display-only proportions; the figures shown are the exact strings.
          const max = Math.max(...rows.map((r) => Number(r.spent)));
          return (
            <ul key={currency} className="flex flex-col gap-2.5" aria-label={`Spending in ${currency}`}>
              {rows.map((row) => (
                <li
                  key={row.category}
                  className="grid grid-cols-[minmax(7rem,11rem)_1fr_auto] items-center gap-3 text-sm"
                >
                  <span className="truncate">{humanizeSlug(row.category)}</span>
                  <span className="h-2.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <span
                      className="block h-full rounded-full bg-primary"
                      style={{ width: `${(Number(row.spent) / max) * 100}%` }}
                    />
                  </span>
                  <span className="tabular-nums">{formatMoney(row.spent, currency)}</span>
                </li>
              ))}
            </ul>
          );
        })}
      </CardContent>
    </Card>
  );
}
