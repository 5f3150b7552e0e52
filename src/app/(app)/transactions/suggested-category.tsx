"use client";

import { Check } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { useCategories } from "~/lib/categories/use-categories";
import type { RouterOutputs } from "~/lib/trpc/types";
import { useRecategorize } from "./use-recategorize";

type Transaction = RouterOutputs["transaction"]["list"]["items"][number];

/** Below this, an automatic category is a guess the user should see as one, not a silent change. */
export const SUGGESTION_BELOW = 0.6;

export const isSuggestion = (tx: Pick<Transaction, "categorySource" | "confidence">) =>
  tx.categorySource !== "USER" && tx.confidence !== null && tx.confidence < SUGGESTION_BELOW;

/** A low-confidence category with a one-click confirm, which records it as the user's own choice. */
export function SuggestedCategory({ transaction: tx }: { transaction: Transaction }) {
  const { label } = useCategories();
  const recategorize = useRecategorize();
  const slug = tx.categoryDetailed ?? tx.category;
  if (!slug) return null;
  const name = label(slug);
  return (
    <span className="inline-flex items-center gap-1">
      <Badge variant="warning" title={`Suggested, ${Math.round((tx.confidence ?? 0) * 100)}% sure`}>
        {name}?
      </Badge>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="size-7"
        aria-label={`Confirm ${name} for ${tx.merchantName ?? tx.description}`}
        title="Confirm this category"
        disabled={recategorize.isPending}
        onClick={() => recategorize.mutate({ ids: [tx.id], category: slug })}
      >
        <Check aria-hidden />
      </Button>
    </span>
  );
}
