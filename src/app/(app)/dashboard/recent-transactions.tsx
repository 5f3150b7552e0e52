"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Receipt } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { cn } from "~/lib/cn";
import { humanizeSlug } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { DashboardCard, SeeAllLink } from "./dashboard-card";
import { CONNECT_OR_IMPORT } from "./next-steps";

export function RecentTransactions() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.transaction.list.queryOptions({ limit: 10 }));
  return (
    <DashboardCard
      testId="recent-transactions"
      title="Recent transactions"
      action={data.items.length > 0 && <SeeAllLink href="/transactions">All transactions</SeeAllLink>}
    >
      {data.items.length === 0 ? (
        <EmptyState icon={Receipt} actions={CONNECT_OR_IMPORT}>
          Your transactions will appear here once an account is connected or a file imported.
        </EmptyState>
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
                <td className="w-16 py-2.5 text-muted-foreground">{format.listDay(tx.date)}</td>
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
                  {format.money(tx.amount, tx.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DashboardCard>
  );
}
