"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Receipt } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/cn";
import { useCategories } from "~/lib/categories/use-categories";
import { useFormat } from "~/lib/use-format";
import type { RouterOutputs } from "~/lib/trpc/types";
import { SuggestedCategory, isSuggestion } from "./suggested-category";
import { TransactionDialog } from "./transaction-dialog";

type Row = RouterOutputs["transaction"]["list"]["items"][number];

const ROW_HEIGHT = 60;

type Props = {
  rows: Row[];
  selected: Set<string>;
  onSelectedChange: (selected: Set<string>) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  filtered: boolean;
};

/** Only the rows on screen are in the DOM, so 100,000 transactions scroll as smoothly as 100. */
export function TransactionRows({
  rows,
  selected,
  onSelectedChange,
  hasMore,
  loadingMore,
  onLoadMore,
  filtered,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { label } = useCategories();
  const format = useFormat();
  const [open, setOpen] = useState<Row | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  if (rows.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 rounded-lg border py-16 text-center text-sm text-muted-foreground">
        <Receipt className="size-8" aria-hidden />
        {filtered ? (
          <p>No transactions match these filters.</p>
        ) : (
          <p>No transactions yet. Connect a bank or import a bank file to get started.</p>
        )}
      </div>
    );
  }

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };

  return (
    <>
      <div
        ref={scrollRef}
        className="h-[calc(100vh-15rem)] min-h-80 overflow-auto rounded-lg border"
        data-testid="transaction-list"
      >
        <div
          role="table"
          aria-label="Transactions"
          aria-rowcount={rows.length}
          className="relative w-full"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const tx = rows[item.index]!;
            return (
              <div
                key={tx.id}
                role="row"
                aria-rowindex={item.index + 1}
                className="absolute left-0 flex w-full items-center gap-3 border-b px-3 text-sm hover:bg-accent/40"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${tx.merchantName ?? tx.description}`}
                    checked={selected.has(tx.id)}
                    onChange={() => toggle(tx.id)}
                    className="size-4 accent-primary"
                  />
                </span>
                <span role="cell" className="w-24 shrink-0 text-muted-foreground">
                  {format.listDay(tx.date)}
                </span>
                <span role="cell" className="min-w-0 flex-1">
                  <button
                    type="button"
                    className="block max-w-full truncate text-left font-medium hover:underline"
                    title={tx.description}
                    onClick={() => setOpen(tx)}
                  >
                    {tx.merchantName ?? tx.description}
                  </button>
                  <span className="block truncate text-xs text-muted-foreground">
                    {tx.accountName}
                    {tx.notes && ` · ${tx.notes}`}
                  </span>
                </span>
                <span role="cell" className="hidden w-48 shrink-0 md:block">
                  {tx.category &&
                    (isSuggestion(tx) ? (
                      <SuggestedCategory transaction={tx} />
                    ) : (
                      <Badge variant="secondary">{label(tx.categoryDetailed ?? tx.category)}</Badge>
                    ))}
                  {tx.status === "PENDING" && (
                    <Badge variant="outline" className="ml-1">
                      Pending
                    </Badge>
                  )}
                </span>
                <span
                  role="cell"
                  className={cn(
                    "w-28 shrink-0 text-right font-medium tabular-nums",
                    tx.direction === "CREDIT" && "text-positive",
                  )}
                >
                  {format.money(tx.amount, tx.currency)}
                </span>
              </div>
            );
          })}
        </div>
        {loadingMore && <p className="p-3 text-center text-sm text-muted-foreground">Loading more…</p>}
      </div>
      {open && <TransactionDialog transaction={open} onClose={() => setOpen(null)} />}
    </>
  );
}
