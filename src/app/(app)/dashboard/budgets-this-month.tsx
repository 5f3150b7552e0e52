"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { PiggyBank } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { Progress } from "~/components/ui/progress";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { usageTone } from "../budgets/budget-labels";
import { DashboardCard, SeeAllLink } from "./dashboard-card";
import { CREATE_BUDGET } from "./next-steps";

/** The running period of each active budget, the most used first: where this month is going. */
export function BudgetsThisMonth() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.budget.list.queryOptions());
  const running = data
    .flatMap(({ current, ...budget }) => (!budget.archived && current ? [{ ...budget, current }] : []))
    .sort((a, b) => (b.current.percent ?? Infinity) - (a.current.percent ?? Infinity));

  return (
    <DashboardCard
      testId="budgets-this-month"
      title="Budgets"
      description="Spent so far in each running period"
      action={running.length > 0 && <SeeAllLink href="/budgets">All budgets</SeeAllLink>}
    >
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
                  {format.money(current.spent, currency)} of {format.money(current.available, currency)}
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
    </DashboardCard>
  );
}
