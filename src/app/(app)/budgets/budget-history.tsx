"use client";

import { useQuery } from "@tanstack/react-query";
import { Progress } from "~/components/ui/progress";
import { Skeleton } from "~/components/ui/skeleton";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { usageTone } from "./budget-labels";

/** Every period of a budget, newest first, with what was available (budget plus rollover) and spent. */
export function BudgetHistory({ id, currency }: { id: string; currency: string }) {
  const trpc = useTRPC();
  const format = useFormat();
  const { data, isPending } = useQuery(trpc.budget.byId.queryOptions({ id }));
  if (isPending) return <Skeleton className="mt-2 h-24 w-full" />;
  if (!data || data.history.length === 0) {
    return <p className="mt-2 text-sm text-muted-foreground">No periods yet.</p>;
  }
  const money = (amount: string) => format.money(amount, currency);
  return (
    <table className="mt-2 w-full text-sm" aria-label={`${data.name}: period history`}>
      <thead className="text-left text-xs text-muted-foreground">
        <tr>
          <th className="py-1 font-medium">Period</th>
          <th className="py-1 text-right font-medium">Spent</th>
          <th className="py-1 text-right font-medium">Available</th>
          <th className="w-1/4 py-1 font-medium">
            <span className="sr-only">Used</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.history.map((period) => (
          <tr key={period.start} className="border-t">
            <td className="py-1.5">
              {format.day(period.start)} – {format.day(period.end)} {period.start.slice(0, 4)}
            </td>
            <td className="py-1.5 text-right tabular-nums">{money(period.spent)}</td>
            <td className="py-1.5 text-right tabular-nums">{money(period.available)}</td>
            <td className="py-1.5 pl-3">
              <Progress
                value={period.percent ?? 100}
                label={`${period.percent ?? 100} % used`}
                indicatorClassName={usageTone(period.percent)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
