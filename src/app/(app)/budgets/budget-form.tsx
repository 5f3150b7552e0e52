"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { DialogFormFooter } from "~/components/ui/dialog-form-footer";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useCategories } from "~/lib/categories/use-categories";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { BUDGET_PERIODS, ROLLOVER_MODES, createBudgetInput } from "~/server/budget/budget-schemas";
import { PERIOD_LABELS, ROLLOVER_LABELS } from "./budget-labels";

type Budget = RouterOutputs["budget"]["list"][number];

function firstOfThisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-01`;
}

export function BudgetForm({ budget, onClose }: { budget: Budget | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { categories } = useCategories();
  const choices = categories.filter((c) => c.slug === c.primary || c.userId !== null);
  const [name, setName] = useState(budget?.name ?? "");
  const [category, setCategory] = useState(budget?.category ?? "");
  const [amount, setAmount] = useState(budget?.amount ?? "");
  const [period, setPeriod] = useState<(typeof BUDGET_PERIODS)[number]>(budget?.period ?? "MONTHLY");
  const [startDate, setStartDate] = useState(budget?.startDate ?? firstOfThisMonth());
  const [endDate, setEndDate] = useState(budget?.endDate ?? "");
  const [rollover, setRollover] = useState<(typeof ROLLOVER_MODES)[number]>(budget?.rollover ?? "NONE");
  const [thresholds, setThresholds] = useState((budget?.alertThresholds ?? [80, 100, 120]).join(", "));
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(trpc.budget.create.mutationOptions());
  const update = useMutation(trpc.budget.update.mutationOptions());

  async function save() {
    const parsed = createBudgetInput.safeParse({
      name,
      category: category || null,
      amount,
      period,
      startDate,
      endDate: endDate || null,
      rollover,
      alertThresholds: thresholds
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((t) => Number(t.replace("%", ""))),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join(" ") || "Budget"}: ${i.message}`).join(". "));
      return;
    }
    try {
      if (budget) await update.mutateAsync({ ...parsed.data, id: budget.id, currency: budget.currency });
      else await create.mutateAsync(parsed.data);
      await queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not save the budget");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-lg overflow-y-auto">
        <DialogTitle>{budget ? "Edit budget" : "New budget"}</DialogTitle>
        <DialogDescription>Changing the amount or rollover recomputes every past period.</DialogDescription>
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field id="budget-name" label="Name" className="sm:col-span-2">
            <Input id="budget-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Eating out" />
          </Field>
          <Field id="budget-category" label="Category">
            <NativeSelect id="budget-category" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">All spending</option>
              {choices.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="budget-amount" label={`Amount${budget ? ` (${budget.currency})` : ""}`}>
            <Input
              id="budget-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              placeholder="300.00"
            />
          </Field>
          <Field id="budget-period" label="Period">
            <NativeSelect
              id="budget-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value as typeof period)}
            >
              {BUDGET_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {PERIOD_LABELS[p]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="budget-rollover" label="Rollover">
            <NativeSelect
              id="budget-rollover"
              value={rollover}
              onChange={(e) => setRollover(e.target.value as typeof rollover)}
            >
              {ROLLOVER_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {ROLLOVER_LABELS[mode]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="budget-start" label="Starts">
            <Input id="budget-start" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </Field>
          <Field id="budget-end" label="Ends (optional)">
            <Input id="budget-end" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </Field>
          <Field id="budget-thresholds" label="Alert at (percent)" className="sm:col-span-2">
            <Input
              id="budget-thresholds"
              value={thresholds}
              onChange={(e) => setThresholds(e.target.value)}
              placeholder="80, 100, 120"
            />
          </Field>
          <DialogFormFooter
            problem={problem}
            pending={create.isPending || update.isPending}
            submitLabel={budget ? "Save" : "Create budget"}
            onCancel={onClose}
            className="sm:col-span-2"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
