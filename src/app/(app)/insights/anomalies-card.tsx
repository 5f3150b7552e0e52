"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";

export function AnomaliesCard() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data: anomalies } = useSuspenseQuery(trpc.analytics.anomalies.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Unusual charges</CardTitle>
        <CardDescription>The last 30 days against your usual at each merchant and category.</CardDescription>
      </CardHeader>
      <CardContent>
        {anomalies.length === 0 ? (
          <p className="py-6 text-sm text-muted-foreground">Nothing unusual lately.</p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label="Unusual charges">
            {anomalies.map((a) => (
              <li key={`${a.kind}-${a.transactionId}`} className="flex flex-col gap-0.5 py-2.5 text-sm">
                <div className="flex justify-between gap-3">
                  <Link
                    href={`/transactions?from=${a.date}&to=${a.date}&search=${encodeURIComponent(a.merchant)}`}
                    className="font-medium hover:underline"
                  >
                    {a.merchant}
                  </Link>
                  <span className="tabular-nums">{format.money(a.amount, a.currency)}</span>
                </div>
                <span className="text-muted-foreground">
                  {format.fullDay(a.date)} · {a.explanation}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
