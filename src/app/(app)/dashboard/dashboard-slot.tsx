"use client";

import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { Component, type ReactNode, Suspense } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { CardSkeleton } from "./card-skeleton";

type SlotProps = { title: string; className?: string; children: ReactNode };
type BoundaryProps = { title: string; onRetry: () => void; children: ReactNode };

/**
 * One dashboard card's place on the page: a skeleton of the card's own size while it loads, and
 * if its query fails, an error in the same place with a retry — the other cards stay usable.
 */
export function DashboardSlot({ title, className, children }: SlotProps) {
  return (
    <div className={className}>
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <CardErrorBoundary title={title} onRetry={reset}>
            <Suspense fallback={<CardSkeleton title={title} className="h-full" />}>{children}</Suspense>
          </CardErrorBoundary>
        )}
      </QueryErrorResetBoundary>
    </div>
  );
}

class CardErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    const { title, onRetry, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <Card className="flex h-full flex-col" role="alert">
        <CardHeader>
          <CardTitle>{title}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-1 flex-col items-center justify-center gap-3 text-center text-sm">
          <TriangleAlert className="size-8 text-destructive" aria-hidden />
          <p className="text-muted-foreground">This card could not be loaded. The rest of the page still works.</p>
          <Button
            size="sm"
            variant="outline"
            onClick={() => {
              onRetry();
              this.setState({ failed: false });
            }}
          >
            Try again
          </Button>
        </CardContent>
      </Card>
    );
  }
}
