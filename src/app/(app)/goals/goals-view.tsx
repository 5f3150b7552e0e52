"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Flag, ListOrdered, Pause, Pencil, Play, Plus, Target, Trash2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Progress } from "~/components/ui/progress";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { Contributions } from "./contributions";
import { GoalForm } from "./goal-form";

type Goal = RouterOutputs["goal"]["list"][number];

export function GoalsView() {
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: goals } = useSuspenseQuery(trpc.goal.list.queryOptions());
  const [editing, setEditing] = useState<Goal | "new" | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
  const setStatus = useMutation(trpc.goal.setStatus.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.goal.delete.mutationOptions({ onSuccess: invalidate }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden /> New goal
        </Button>
      </div>
      {goals.length === 0 && (
        <Card>
          <CardContent className="flex flex-col items-center gap-2 py-12 text-center text-sm text-muted-foreground">
            <Target className="size-8" aria-hidden />
            <p>
              No savings goals yet. A holiday, a bike, three months of expenses: give it a target and watch it fill.
            </p>
          </CardContent>
        </Card>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Savings goals">
        {goals.map((goal) => {
          const money = (amount: string) => format.money(amount, goal.currency);
          return (
            <li key={goal.id} className={goal.status === "ABANDONED" ? "opacity-60" : undefined}>
              <Card data-testid="goal-card">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    {goal.name}
                    {goal.status === "ACHIEVED" && <Badge>Achieved</Badge>}
                    {goal.status === "ABANDONED" && <Badge variant="outline">Abandoned</Badge>}
                  </CardTitle>
                  <CardDescription>
                    {goal.trackedAccount ? `Follows the balance of ${goal.trackedAccount.name}` : "Money added by hand"}
                    {goal.targetDate && ` · target ${format.fullDay(goal.targetDate)}`}
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-3">
                  <Progress value={goal.percent} label={`${goal.name}: ${goal.percent} % saved`} />
                  <div className="flex flex-wrap justify-between gap-2 text-sm">
                    <span className="tabular-nums">
                      {money(goal.currentAmount)} of {money(goal.targetAmount)}{" "}
                      <span className="text-muted-foreground">({goal.percent} %)</span>
                    </span>
                    {goal.status === "ACTIVE" && (
                      <span className="text-muted-foreground">{money(goal.remaining)} to go</span>
                    )}
                  </div>
                  {goal.status === "ACTIVE" && (
                    <p className="flex items-center gap-2 text-xs text-muted-foreground">
                      <Flag className="size-3.5" aria-hidden />
                      {goal.projectedDate
                        ? `At your recent pace: ${format.fullDay(goal.projectedDate)}`
                        : "No recent progress to project from"}
                      {goal.onTrack === true && <Badge variant="secondary">On track</Badge>}
                      {goal.onTrack === false && <Badge variant="warning">Behind</Badge>}
                    </p>
                  )}
                  <div className="flex gap-1">
                    {!goal.trackedAccount && (
                      <Button variant="ghost" size="sm" onClick={() => setOpen(open === goal.id ? null : goal.id)}>
                        <ListOrdered aria-hidden /> Contributions
                      </Button>
                    )}
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Edit ${goal.name}`}
                      onClick={() => setEditing(goal)}
                    >
                      <Pencil />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={goal.status === "ABANDONED" ? `Resume ${goal.name}` : `Abandon ${goal.name}`}
                      onClick={() =>
                        setStatus.mutate({ id: goal.id, status: goal.status === "ABANDONED" ? "ACTIVE" : "ABANDONED" })
                      }
                    >
                      {goal.status === "ABANDONED" ? <Play /> : <Pause />}
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Delete ${goal.name}`}
                      onClick={() =>
                        window.confirm(`Delete the goal “${goal.name}”?`) && remove.mutate({ id: goal.id })
                      }
                    >
                      <Trash2 />
                    </Button>
                  </div>
                  {open === goal.id && <Contributions goalId={goal.id} currency={goal.currency} />}
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
      {editing && <GoalForm goal={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
