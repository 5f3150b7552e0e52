"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useCategories } from "~/lib/categories/use-categories";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { fromMinorUnits, negate, toMinorUnits } from "~/server/transaction/money";
import { describeSplitProblem, findSplitProblem } from "~/server/transaction/split-parts";

type Part = { key: number; amount: string; category: string };

/** People type what a part cost, without a sign; the sign follows the transaction's. */
const UNSIGNED = /^\d{1,13}(\.\d{1,2})?$/;
const unsigned = (amount: string) => (amount.startsWith("-") ? negate(amount) : amount);

let nextKey = 0;
const part = (amount: string, category: string): Part => ({ key: nextKey++, amount, category });

function startingParts(total: string, saved: { amount: string; category: string }[], category: string) {
  if (saved.length) return saved.map((p) => part(unsigned(p.amount), p.category));
  return [part(unsigned(total), category), part("", "")];
}

function remainder(total: string, parts: Part[]): string {
  const given = parts.filter((p) => UNSIGNED.test(p.amount)).reduce((sum, p) => sum + toMinorUnits(p.amount), 0n);
  return fromMinorUnits(toMinorUnits(unsigned(total)) - given);
}

export function SplitEditor({
  transactionId,
  category,
  onDone,
}: {
  transactionId: string;
  category: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { categories, label } = useCategories();
  const format = useFormat();
  const { data: saved } = useSuspenseQuery(trpc.transaction.splits.queryOptions({ id: transactionId }));
  const [parts, setParts] = useState(() => startingParts(saved.amount, saved.parts, category));
  const save = useMutation(
    trpc.transaction.setSplits.mutationOptions({
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.transaction.splits.queryKey({ id: transactionId }), view);
        void queryClient.invalidateQueries({ queryKey: trpc.transaction.pathKey() });
        onDone();
      },
    }),
  );

  const debit = saved.amount.startsWith("-");
  const signed = (amount: string) => (debit ? negate(amount) : amount);
  const invalid = parts.findIndex((p) => !UNSIGNED.test(p.amount) || !p.category);
  const problem =
    invalid >= 0
      ? null
      : findSplitProblem(
          saved.amount,
          parts.map((p) => signed(p.amount)),
        );
  // A sum that does not match yet is shown as what is left to assign, not as an error.
  const shownProblem = problem?.kind === "SUM_MISMATCH" ? null : problem;
  const left = remainder(saved.amount, parts);
  const update = (key: number, change: Partial<Part>) =>
    setParts((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      id: transactionId,
      parts: parts.map((p) => ({ amount: signed(p.amount), category: p.category })),
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Split transaction">
      <ul className="flex flex-col gap-2">
        {parts.map((p, i) => (
          <li key={p.key} className="grid grid-cols-[6.5rem_1fr_auto] items-center gap-2">
            <Input
              aria-label={`Amount of part ${i + 1}`}
              inputMode="decimal"
              value={p.amount}
              onChange={(e) => update(p.key, { amount: e.target.value.trim() })}
              aria-invalid={p.amount !== "" && !UNSIGNED.test(p.amount)}
              placeholder="0.00"
              className="tabular-nums"
            />
            <NativeSelect
              aria-label={`Category of part ${i + 1}`}
              value={p.category}
              onChange={(e) => update(p.key, { category: e.target.value })}
            >
              <option value="">Choose a category</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.slug === c.primary ? c.label : `${label(c.primary)} › ${c.label}`}
                </option>
              ))}
            </NativeSelect>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove part ${i + 1}`}
              disabled={parts.length <= 2}
              onClick={() => setParts((all) => all.filter((x) => x.key !== p.key))}
            >
              <Trash2 aria-hidden />
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setParts((all) => [...all, part(left.startsWith("-") ? "" : left, "")])}
          disabled={parts.length >= 20}
        >
          <Plus aria-hidden /> Add part
        </Button>
        <span aria-live="polite" className="tabular-nums text-muted-foreground" data-testid="split-remaining">
          Left to assign: {format.money(left, saved.currency)}
        </span>
      </div>
      {(save.error ?? shownProblem) && (
        <p role="alert" className="text-sm text-destructive">
          {save.error?.message ?? (shownProblem && describeSplitProblem(shownProblem))}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {saved.parts.length > 0 && (
          <Button
            type="button"
            variant="ghost"
            className="mr-auto text-destructive"
            disabled={save.isPending}
            onClick={() => save.mutate({ id: transactionId, parts: [] })}
          >
            Undo split
          </Button>
        )}
        <Button type="button" variant="ghost" onClick={onDone}>
          Back
        </Button>
        <Button type="submit" disabled={save.isPending || invalid >= 0 || problem !== null}>
          Save split
        </Button>
      </div>
    </form>
  );
}
