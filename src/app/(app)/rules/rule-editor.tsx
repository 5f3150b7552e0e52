"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { useCategories } from "~/lib/categories/use-categories";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { type RuleCondition, type RuleInput, ruleInputSchema } from "~/server/categorize/rule-schema";
import { ConditionRow } from "./condition-row";

type Rule = RouterOutputs["rules"]["list"][number];

const NEW_CONDITION: RuleCondition = { field: "description", operator: "contains", value: "" };

export function RuleEditor({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { categories } = useCategories();
  const { data: accounts = [] } = useQuery(trpc.bank.accounts.queryOptions());
  const [name, setName] = useState(rule?.name ?? "");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [match, setMatch] = useState<"all" | "any">(rule?.conditions.match ?? "all");
  const [conditions, setConditions] = useState<RuleCondition[]>(rule?.conditions.conditions ?? [NEW_CONDITION]);
  const [category, setCategory] = useState(rule?.actions.setCategory ?? "");
  const [rename, setRename] = useState(rule?.actions.setMerchantName ?? "");
  const [tags, setTags] = useState(rule?.actions.addTags?.join(", ") ?? "");
  const [applyToExisting, setApplyToExisting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const draft = (): RuleInput | null => {
    const parsed = ruleInputSchema.safeParse({
      name,
      enabled,
      conditions: { match, conditions },
      actions: {
        setCategory: category || undefined,
        setMerchantName: rename.trim() || undefined,
        addTags: tags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
      },
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join(". "));
      return null;
    }
    setProblem(null);
    return parsed.data;
  };

  const [previewInput, setPreviewInput] = useState<RuleInput | null>(null);
  const preview = useQuery({ ...trpc.rules.preview.queryOptions(previewInput!), enabled: previewInput !== null });
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.rules.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.transaction.pathKey() }),
    ]);
  const create = useMutation(trpc.rules.create.mutationOptions());
  const update = useMutation(trpc.rules.update.mutationOptions());
  const apply = useMutation(trpc.rules.applyToExisting.mutationOptions());
  const saving = create.isPending || update.isPending || apply.isPending;

  async function save() {
    const input = draft();
    if (!input) return;
    try {
      const id = rule
        ? (await update.mutateAsync({ id: rule.id, rule: input }), rule.id)
        : (await create.mutateAsync(input)).id;
      if (applyToExisting) await apply.mutateAsync({ id });
      await invalidate();
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not save the rule");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogTitle>{rule ? "Edit rule" : "New rule"}</DialogTitle>
        <DialogDescription>
          Conditions decide which transactions the rule touches; actions say what it does to them.
        </DialogDescription>
        <div className="flex flex-col gap-2">
          <Label htmlFor="rule-name">Name</Label>
          <Input
            id="rule-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Streaming services"
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">
            When{" "}
            <NativeSelect
              aria-label="Match"
              value={match}
              onChange={(e) => setMatch(e.target.value as "all" | "any")}
              className="mx-1 w-24"
            >
              <option value="all">all</option>
              <option value="any">any</option>
            </NativeSelect>{" "}
            of these are true
          </legend>
          {conditions.map((condition, index) => (
            <div key={index} className="flex items-start gap-2">
              <ConditionRow
                condition={condition}
                accounts={accounts}
                onChange={(next) => setConditions(conditions.map((c, i) => (i === index ? next : c)))}
              />
              <Button
                variant="ghost"
                size="icon"
                aria-label="Remove condition"
                disabled={conditions.length === 1}
                onClick={() => setConditions(conditions.filter((_, i) => i !== index))}
              >
                <X />
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="outline"
              size="sm"
              onClick={() => setConditions([...conditions, NEW_CONDITION])}
              disabled={conditions.length >= 20}
            >
              <Plus aria-hidden /> Add condition
            </Button>
          </div>
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium">Then</legend>
          <div className="flex flex-col gap-2">
            <Label htmlFor="rule-category">Set category</Label>
            <NativeSelect id="rule-category" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">(leave as is)</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.slug === c.primary ? c.label : `  ${c.label}`}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="rule-rename">Rename merchant to</Label>
            <Input id="rule-rename" value={rename} onChange={(e) => setRename(e.target.value)} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="rule-tags">Add tags</Label>
            <Input id="rule-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="subscriptions" />
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
            className="size-4 accent-primary"
          />
          Enabled
        </label>
        <div className="rounded-md border p-3 text-sm">
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="outline" size="sm" onClick={() => setPreviewInput(draft())}>
              Preview on existing transactions
            </Button>
            {preview.isFetching && <span className="text-muted-foreground">Checking…</span>}
            {preview.data && !preview.isFetching && (
              <span>
                {preview.data.count === 0
                  ? "No existing transaction would change."
                  : `${preview.data.count} existing transactions would change.`}
              </span>
            )}
          </div>
          {preview.data && preview.data.examples.length > 0 && (
            <ul className="mt-2 max-h-40 overflow-y-auto text-xs text-muted-foreground">
              {preview.data.examples.map((e) => (
                <li key={e.id} className="truncate">
                  {format.fullDay(e.date)} · {e.description} · {format.money(e.amount, e.currency)} ·{" "}
                  {e.from ?? "uncategorized"} → {e.to ?? "uncategorized"}
                </li>
              ))}
            </ul>
          )}
          <label className="mt-2 flex items-center gap-2">
            <input
              type="checkbox"
              checked={applyToExisting}
              onChange={(e) => setApplyToExisting(e.target.checked)}
              className="size-4 accent-primary"
            />
            Also apply to existing transactions when saving
          </label>
        </div>
        {problem && (
          <p role="alert" className="text-sm text-destructive">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} disabled={saving}>
            {saving ? "Saving…" : "Save rule"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
