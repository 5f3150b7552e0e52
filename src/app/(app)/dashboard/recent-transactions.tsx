"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { cn } from "~/lib/cn";
import { formatDay, formatMoney, humanizeSlug } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/react";

export function RecentTransactions() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.transaction.list.queryOptions({ limit: 10 }));
  return (
    <Card className="lg:col-span-3" data-testid="recent-transactions">
      <CardHeader>
        <CardTitle>Recent transactions</CardTitle>
      </CardHeader>
      <CardContent>
        {data.items.length === 0 ? (
          <p className="py-6 text-center text-sm text-muted-foreground">
            Your transactions will appear here once an account is connected.
          </p>
        ) : (
          <table className="w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th>Date</th>
                <th>Description</th>
                <th>Category</th>
                <th>Amount</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {data.items.map((tx) => (
                <tr key={tx.id}>
                  <td className="w-16 py-2.5 text-muted-foreground">{formatDay(tx.date)}</td>
                  <td className="py-2.5">
                    <p className="font-medium">{tx.merchantName ?? tx.description}</p>
                    <p className="text-xs text-muted-foreground">{tx.accountName}</p>
                  </td>
                  <td className="hidden py-2.5 sm:table-cell">
                    {tx.category && <Badge variant="secondary">{humanizeSlug(tx.category)}</Badge>}
                    {tx.status === "PENDING" && (
                      <Badge variant="warning" className="ml-2">
                        Pending
                      </Badge>
                    )}
                  </td>
                  <td
                    className={cn(
                      "py-2.5 text-right font-medium tabular-nums",
                      tx.direction === "CREDIT" && "text-positive",
                    )}
                  >
                    {formatMoney(tx.amount, tx.currency)}
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
