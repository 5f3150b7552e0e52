"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Archive, ArchiveRestore, History, Pencil, PiggyBank, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { useCategories } from "~/lib/categories/use-categories";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { BudgetForm } from "./budget-form";
import { BudgetHistory } from "./budget-history";
import { PERIOD_LABELS, ROLLOVER_LABELS, usageTone } from "./budget-labels";

type Budget = RouterOutputs["budget"]["list"][number];

export function BudgetsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: budgets } = useSuspenseQuery(trpc.budget.list.queryOptions());
  const [editing, setEditing] = useState<Budget | "new" | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
  const archive = useMutation(trpc.budget.setArchived.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.budget.delete.mutationOptions({ onSuccess: invalidate }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden /> New budget
        </Button>
      </div>
      {budgets.length === 0 && (
        <Card>
          <CardContent className="flex flex-col items-center gap-2 py-12 text-center text-sm text-muted-foreground">
            <PiggyBank className="size-8" aria-hidden />
            <p>No budgets yet. Start with one for eating out or groceries: a monthly amount and the category.</p>
          </CardContent>
        </Card>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Budgets">
        {budgets.map((budget) => (
          <li key={budget.id} className={budget.archived ? "opacity-60" : undefined}>
            <BudgetCard
              budget={budget}
              onEdit={() => setEditing(budget)}
              onHistory={() => setHistoryOf(historyOf === budget.id ? null : budget.id)}
              onArchive={() => archive.mutate({ id: budget.id, archived: !budget.archived })}
              onDelete={() =>
                window.confirm(`Delete the budget “${budget.name}” and its history?`) &&
                remove.mutate({ id: budget.id })
              }
            />
            {historyOf === budget.id && <BudgetHistory id={budget.id} currency={budget.currency} />}
          </li>
        ))}
      </ul>
      {editing && <BudgetForm budget={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function BudgetCard({
  budget,
  onEdit,
  onHistory,
  onArchive,
  onDelete,
}: {
  budget: Budget;
  onEdit: () => void;
  onHistory: () => void;
  onArchive: () => void;
  onDelete: () => void;
}) {
  const { label } = useCategories();
  const format = useFormat();
  const money = (amount: string) => format.money(amount, budget.currency);
  const current = budget.current;
  const over = current?.remaining.startsWith("-");
  return (
    <Card data-testid="budget-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {budget.name}
          {budget.archived && <Badge variant="outline">Archived</Badge>}
        </CardTitle>
        <CardDescription>
          {budget.category ? label(budget.category) : "All spending"} · {PERIOD_LABELS[budget.period]} ·{" "}
          {money(budget.amount)}
          {budget.rollover !== "NONE" && ` · ${ROLLOVER_LABELS[budget.rollover]}`}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {current ? (
          <>
            <Progress
              value={current.percent ?? 100}
              label={`${budget.name}: ${current.percent ?? 100} % used`}
              indicatorClassName={usageTone(current.percent)}
            />
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <span className="tabular-nums">
                {money(current.spent)} of {money(current.available)}
                {current.percent !== null && <span className="text-muted-foreground"> ({current.percent} %)</span>}
              </span>
              <span className={over ? "font-medium text-destructive" : "text-muted-foreground"}>
                {over ? `${money(current.remaining.slice(1))} over` : `${money(current.remaining)} left`}
              </span>
            </div>
            <p className="text-xs text-muted-foreground">
              {format.day(current.start)} – {format.day(current.end)}
              {current.rollover !== "0.00" && ` · ${money(current.rollover)} carried over`}
            </p>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">Starts {format.day(budget.startDate)}.</p>
        )}
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" onClick={onHistory}>
            <History aria-hidden /> History
          </Button>
          <Button variant="ghost" size="icon" aria-label={`Edit ${budget.name}`} onClick={onEdit}>
            <Pencil />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={budget.archived ? `Restore ${budget.name}` : `Archive ${budget.name}`}
            onClick={onArchive}
          >
            {budget.archived ? <ArchiveRestore /> : <Archive />}
          </Button>
          <Button variant="ghost" size="icon" aria-label={`Delete ${budget.name}`} onClick={onDelete}>
            <Trash2 />
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
