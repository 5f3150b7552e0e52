"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Split } from "lucide-react";
import { type FormEvent, Suspense, useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { Skeleton } from "~/components/ui/skeleton";
import { useCategories } from "~/lib/categories/use-categories";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { SplitEditor } from "./split-editor";
import { isSuggestion } from "./suggested-category";
import { useRecategorize } from "./use-recategorize";

type Transaction = RouterOutputs["transaction"]["list"]["items"][number];

const SOURCE_LABELS: Record<string, string> = {
  USER: "your choice",
  RULE: "one of your rules",
  HISTORY: "your earlier choices",
  CACHE: "known merchant",
  LLM: "AI suggestion",
  MODEL: "offline model",
  PROVIDER: "your bank",
};

/** The parts of a split transaction, and the door to the split editor. */
function SplitSummary({ transaction: tx, onEdit }: { transaction: Transaction; onEdit: () => void }) {
  const format = useFormat();
  const trpc = useTRPC();
  const { label } = useCategories();
  const { data } = useQuery(trpc.transaction.splits.queryOptions({ id: tx.id }));
  const parts = data?.parts ?? [];
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="split-summary">
      {parts.length > 0 ? (
        <ul className="flex flex-col gap-0.5" aria-label="Split into">
          {parts.map((p) => (
            <li key={p.id} className="tabular-nums">
              {label(p.category)}: {format.money(p.amount, tx.currency)}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-muted-foreground">One category for the whole amount.</span>
      )}
      <Button type="button" variant="outline" size="sm" onClick={onEdit} disabled={!data}>
        <Split aria-hidden /> {parts.length > 0 ? "Edit split" : "Split…"}
      </Button>
    </div>
  );
}

export function TransactionDialog({ transaction: tx, onClose }: { transaction: Transaction; onClose: () => void }) {
  const format = useFormat();
  const [splitting, setSplitting] = useState(false);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <DialogTitle>{tx.merchantName ?? tx.description}</DialogTitle>
        <DialogDescription>
          {format.money(tx.amount, tx.currency)} on {format.fullDay(tx.date)} · {tx.accountName}
        </DialogDescription>
        {splitting ? (
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <SplitEditor
              transactionId={tx.id}
              category={tx.categoryDetailed ?? tx.category ?? ""}
              onDone={() => setSplitting(false)}
            />
          </Suspense>
        ) : (
          <TransactionDetails transaction={tx} onClose={onClose} onSplit={() => setSplitting(true)} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function TransactionDetails({
  transaction: tx,
  onClose,
  onSplit,
}: {
  transaction: Transaction;
  onClose: () => void;
  onSplit: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { categories, label } = useCategories();
  const recategorize = useRecategorize();
  const saveNotes = useMutation(
    trpc.transaction.setNotes.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.transaction.pathKey() }),
    }),
  );
  const current = tx.categoryDetailed ?? tx.category ?? "";
  const [category, setCategory] = useState(current);
  const [applyToMerchant, setApplyToMerchant] = useState(false);
  const suggested = isSuggestion(tx);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    await saveNotes.mutateAsync({ id: tx.id, notes: String(form.get("notes") ?? "") || null, tags });
    if (category && (category !== current || applyToMerchant || suggested)) {
      await recategorize.mutateAsync({ ids: [tx.id], category, applyToMerchant });
    }
    onClose();
  }

  const error = saveNotes.error ?? recategorize.error;
  return (
    <>
      <p className="break-words rounded-md bg-muted px-3 py-2 font-mono text-xs">{tx.description}</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">
          <Label htmlFor="tx-category">Category</Label>
          <NativeSelect id="tx-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">Uncategorized</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.slug === c.primary ? c.label : `  ${label(c.primary)} › ${c.label}`}
              </option>
            ))}
          </NativeSelect>
          {tx.categorySource && (
            <p className="text-xs text-muted-foreground">
              {suggested ? "Suggested" : "Set"} by {SOURCE_LABELS[tx.categorySource] ?? tx.categorySource}
              {tx.confidence !== null && tx.categorySource !== "USER" && ` (${Math.round(tx.confidence * 100)}% sure)`}
              {suggested && " — saving confirms it."}
            </p>
          )}
          {tx.merchantName && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={applyToMerchant}
                onChange={(e) => setApplyToMerchant(e.target.checked)}
                className="size-4 accent-primary"
              />
              Also apply to all transactions from {tx.merchantName}
            </label>
          )}
          <SplitSummary transaction={tx} onEdit={onSplit} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="tx-notes">Notes</Label>
          <textarea
            id="tx-notes"
            name="notes"
            defaultValue={tx.notes ?? ""}
            maxLength={2000}
            rows={3}
            className="rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="tx-tags">Tags</Label>
          <Input id="tx-tags" name="tags" defaultValue={tx.tags.join(", ")} placeholder="work, travel" />
        </div>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={saveNotes.isPending || recategorize.isPending}>
            Save
          </Button>
        </div>
      </form>
    </>
  );
}
