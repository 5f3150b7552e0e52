"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { DialogFormFooter } from "~/components/ui/dialog-form-footer";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { createGoalInput } from "~/server/goal/goal-schemas";

type Goal = RouterOutputs["goal"]["list"][number];

export function GoalForm({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: accounts = [] } = useQuery(trpc.bank.accounts.queryOptions());
  const [name, setName] = useState(goal?.name ?? "");
  const [targetAmount, setTargetAmount] = useState(goal?.targetAmount ?? "");
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? "");
  const [trackedAccountId, setTrackedAccountId] = useState(goal?.trackedAccount?.id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(trpc.goal.create.mutationOptions());
  const update = useMutation(trpc.goal.update.mutationOptions());

  async function save() {
    const parsed = createGoalInput.safeParse({
      name,
      targetAmount,
      targetDate: targetDate || null,
      trackedAccountId: trackedAccountId || null,
      currency: goal && !trackedAccountId ? goal.currency : undefined,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join(" ") || "Goal"}: ${i.message}`).join(". "));
      return;
    }
    try {
      if (goal) await update.mutateAsync({ ...parsed.data, id: goal.id });
      else await create.mutateAsync(parsed.data);
      await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not save the goal");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogTitle>{goal ? "Edit goal" : "New savings goal"}</DialogTitle>
        <DialogDescription>
          A goal that follows an account takes that account&apos;s currency and balance.
        </DialogDescription>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field id="goal-name" label="Name">
            <Input id="goal-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Emergency fund" />
          </Field>
          <Field id="goal-target" label="Target amount">
            <Input
              id="goal-target"
              inputMode="decimal"
              value={targetAmount}
              onChange={(e) => setTargetAmount(e.target.value)}
            />
          </Field>
          <Field id="goal-date" label="Target date (optional)">
            <Input id="goal-date" type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />
          </Field>
          <Field id="goal-account" label="Progress">
            <NativeSelect
              id="goal-account"
              value={trackedAccountId}
              onChange={(e) => setTrackedAccountId(e.target.value)}
            >
              <option value="">Money I add by hand</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  Balance of {a.name}
                  {a.mask ? ` ••${a.mask}` : ""} ({a.currency})
                </option>
              ))}
            </NativeSelect>
          </Field>
          <DialogFormFooter
            problem={problem}
            pending={create.isPending || update.isPending}
            submitLabel={goal ? "Save" : "Create goal"}
            onCancel={onClose}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
