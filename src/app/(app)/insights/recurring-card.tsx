"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { TrendingUp } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";

const positive = (amount: string) => amount.replace(/^-/, "");

export function RecurringCard() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data: series } = useSuspenseQuery(trpc.analytics.recurring.queryOptions());
  const bills = series.filter((s) => s.kind === "bill");
  const income = series.filter((s) => s.kind === "income");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Subscriptions and bills</CardTitle>
        <CardDescription>Found from regular charges; the forecast uses them.</CardDescription>
      </CardHeader>
      <CardContent>
        {bills.length + income.length === 0 ? (
          <p className="py-6 text-sm text-muted-foreground">No regular payments found yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-muted-foreground">
              <tr>
                <th className="pb-2 font-medium">What</th>
                <th className="pb-2 font-medium">How often</th>
                <th className="pb-2 font-medium">Next</th>
                <th className="pb-2 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {[...income, ...bills].map((s) => (
                <tr key={s.key}>
                  <td className="py-2">
                    {s.name}
                    {s.priceRise && (
                      <span className="ml-2 inline-flex items-center gap-1 text-xs text-amber-700 dark:text-amber-300">
                        <TrendingUp className="size-3" aria-hidden /> +{s.priceRise.percent}%
                      </span>
                    )}
                  </td>
                  <td className="py-2 capitalize text-muted-foreground">{s.cadence}</td>
                  <td className="py-2 text-muted-foreground">{format.fullDay(s.nextExpectedDate)}</td>
                  <td className={`py-2 text-right tabular-nums ${s.kind === "income" ? "text-positive" : ""}`}>
                    {format.money(positive(s.expectedAmount), s.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
