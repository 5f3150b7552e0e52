"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Lightbulb } from "lucide-react";
import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/lib/trpc/react";

const SHOWN = 3;
const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/** The most important insights; reading and dismissing them happens on the insights page. */
export function TopInsights() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.analytics.insights.queryOptions());
  const top = [...data].sort((a, b) => RANK[a.priority] - RANK[b.priority]).slice(0, SHOWN);

  return (
    <Card className="flex h-full flex-col" data-testid="top-insights">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>For you</CardTitle>
          <CardDescription>Spikes, price rises and bills due</CardDescription>
        </div>
        {data.length > 0 && (
          <Link href="/insights" className="text-sm text-primary underline-offset-4 hover:underline">
            All insights
          </Link>
        )}
      </CardHeader>
      <CardContent className="min-h-0 flex-1 overflow-y-auto">
        {top.length === 0 ? (
          <EmptyState icon={Lightbulb}>
            Nothing to report yet. Insights appear here as a few weeks of history build up.
          </EmptyState>
        ) : (
          <ul className="flex flex-col divide-y" aria-label="Top insights">
            {top.map((insight) => (
              <li key={insight.id} className="flex flex-col gap-1 py-2.5 text-sm">
                <span className="flex items-center gap-2 font-medium">
                  {insight.title}
                  {insight.priority === "HIGH" && <Badge variant="warning">Important</Badge>}
                </span>
                <span className="line-clamp-2 text-muted-foreground">{insight.description}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
