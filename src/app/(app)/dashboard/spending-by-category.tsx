"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ShoppingBag } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { humanizeSlug } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { DashboardCard } from "./dashboard-card";
import { CREATE_BUDGET } from "./next-steps";

export function SpendingByCategory() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.transaction.categorySummary.queryOptions());
  const currencies = [...new Set(data.categories.map((c) => c.currency))];
  return (
    <DashboardCard
      testId="spending-by-category"
      bodyClassName="flex flex-col gap-6"
      title="Spending this month"
      description={`${format.day(data.from)} – ${format.day(data.to)}`}
    >
      {currencies.length === 0 && (
        <EmptyState icon={ShoppingBag} actions={[CREATE_BUDGET]}>
          No spending recorded this month yet. A budget per category tells you when one runs ahead.
        </EmptyState>
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
                <span className="tabular-nums">{format.money(row.spent, currency)}</span>
              </li>
            ))}
          </ul>
        );
      })}
    </DashboardCard>
  );
}
