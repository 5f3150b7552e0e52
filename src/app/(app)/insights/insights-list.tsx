"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Lightbulb, RefreshCw, X } from "lucide-react";
import { useEffect } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/lib/trpc/react";

const PRIORITY = { HIGH: "Important", MEDIUM: "Worth a look", LOW: "FYI" } as const;

export function InsightsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: insights } = useSuspenseQuery(trpc.analytics.insights.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.analytics.insights.queryKey() });
  const dismiss = useMutation(trpc.analytics.dismissInsight.mutationOptions({ onSuccess: invalidate }));
  const refresh = useMutation(trpc.analytics.refreshInsights.mutationOptions({ onSuccess: invalidate }));
  const markViewed = useMutation(trpc.analytics.markInsightsViewed.mutationOptions());
  const unseen = insights.filter((i) => !i.viewed).map((i) => i.id);
  const unseenKey = unseen.join(",");

  // Shown is seen: the "new" marks go away on the next visit.
  useEffect(() => {
    if (unseenKey) markViewed.mutate({ ids: unseenKey.split(",") });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per set of unseen insights
  }, [unseenKey]);

  return (
    <Card className="lg:col-span-2" data-testid="insights">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>For you</CardTitle>
          <CardDescription>New every morning: spikes, price rises, bills due, and more.</CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
          <RefreshCw aria-hidden className={refresh.isPending ? "animate-spin" : undefined} /> Check now
        </Button>
      </CardHeader>
      <CardContent>
        {insights.length === 0 ? (
          <p className="flex items-center gap-2 py-6 text-sm text-muted-foreground">
            <Lightbulb className="size-4" aria-hidden /> Nothing to report yet. Insights appear as your history grows.
          </p>
        ) : (
          <ul className="flex flex-col divide-y" aria-label="Insights">
            {insights.map((insight) => (
              <li key={insight.id} className="flex items-start gap-3 py-3">
                <div className="flex flex-1 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{insight.title}</span>
                    <Badge variant={insight.priority === "HIGH" ? "warning" : "secondary"}>
                      {PRIORITY[insight.priority]}
                    </Badge>
                    {unseen.includes(insight.id) && <Badge variant="outline">New</Badge>}
                  </div>
                  <p className="text-sm text-muted-foreground">{insight.description}</p>
                </div>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Dismiss “${insight.title}”`}
                  onClick={() => dismiss.mutate({ id: insight.id })}
                >
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
