"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { contributeInput } from "~/server/goal/goal-schemas";

/** Adding money to a goal (or taking some back with a minus sign), and the list of what was added. */
export function Contributions({ goalId, currency }: { goalId: string; currency: string }) {
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery(trpc.goal.byId.queryOptions({ id: goalId }));
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
  const contribute = useMutation(trpc.goal.contribute.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.goal.deleteContribution.mutationOptions({ onSuccess: invalidate }));

  function add() {
    const parsed = contributeInput.safeParse({ goalId, amount, note: note || undefined });
    if (!parsed.success) return setProblem(parsed.error.issues.map((i) => i.message).join(". "));
    setProblem(null);
    contribute.mutate(parsed.data, {
      onSuccess: () => {
        setAmount("");
        setNote("");
      },
      onError: (error) => setProblem(error.message),
    });
  }

  return (
    <div className="flex flex-col gap-3 border-t pt-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <Field id={`amount-${goalId}`} label="Add" className="w-28">
          <Input
            id={`amount-${goalId}`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="50.00"
          />
        </Field>
        <Field id={`note-${goalId}`} label="Note" className="min-w-32 flex-1">
          <Input
            id={`note-${goalId}`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Birthday money"
          />
        </Field>
        <Button type="submit" disabled={contribute.isPending}>
          Add
        </Button>
      </form>
      {problem && (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      {isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Contributions">
          {data?.contributions.length === 0 && <li className="text-muted-foreground">Nothing added yet.</li>}
          {data?.contributions.map((c) => (
            <li key={c.id} className="flex items-center gap-3">
              <span className="w-16 text-muted-foreground">{format.listDay(c.date)}</span>
              <span className="flex-1 truncate">{c.note}</span>
              <span className="tabular-nums">{format.money(c.amount, currency)}</span>
              <Button
                variant="ghost"
                size="icon"
                aria-label="Remove this contribution"
                onClick={() => remove.mutate({ id: c.id })}
              >
                <Trash2 />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
