"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { PiggyBank } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Progress } from "~/components/ui/progress";
import { formatMoney } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/react";
import { usageTone } from "../budgets/budget-labels";
import { CREATE_BUDGET } from "./next-steps";

/** The running period of each active budget, the most used first: where this month is going. */
export function BudgetsThisMonth() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.budget.list.queryOptions());
  const running = data
    .flatMap(({ current, ...budget }) => (!budget.archived && current ? [{ ...budget, current }] : []))
    .sort((a, b) => (b.current.percent ?? Infinity) - (a.current.percent ?? Infinity));

  return (
    <Card className="flex h-full flex-col" data-testid="budgets-this-month">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Budgets</CardTitle>
          <CardDescription>Spent so far in each running period</CardDescription>
        </div>
        {running.length > 0 && (
          <Link href="/budgets" className="text-sm text-primary underline-offset-4 hover:underline">
            All budgets
          </Link>
        )}
      </CardHeader>
      <CardContent className="min-h-0 flex-1 overflow-y-auto">
        {running.length === 0 ? (
          <EmptyState icon={PiggyBank} actions={[CREATE_BUDGET]}>
            No budgets yet. Set a monthly limit for a category and watch it fill up here.
          </EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {running.map(({ id, name, currency, current }) => (
              <li key={id} className="flex flex-col gap-1.5 text-sm">
                <div className="flex justify-between gap-2">
                  <span className="truncate font-medium">{name}</span>
                  <span className="shrink-0 tabular-nums text-muted-foreground">
                    {formatMoney(current.spent, currency)} of {formatMoney(current.available, currency)}
                  </span>
                </div>
                <Progress
                  value={current.percent ?? 100}
                  label={`${name}: ${current.percent ?? 100} % used`}
                  indicatorClassName={usageTone(current.percent)}
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
