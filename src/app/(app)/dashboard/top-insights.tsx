import { Lightbulb } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import type { RouterOutputs } from "~/lib/trpc/types";
import { DashboardCard, SeeAllLink } from "./dashboard-card";

const SHOWN = 3;
const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/**
 * The most important insights; reading and dismissing them happens on the insights page. A server
 * component with its data handed in by the page: it has nothing to interact with, and rendered on
 * the server it is part of the first paint instead of a client card revealed after it.
 */
export function TopInsights({ insights }: { insights: RouterOutputs["analytics"]["insights"] }) {
  const top = [...insights].sort((a, b) => RANK[a.priority] - RANK[b.priority]).slice(0, SHOWN);

  return (
    <DashboardCard
      testId="top-insights"
      title="For you"
      description="Spikes, price rises and bills due"
      action={insights.length > 0 && <SeeAllLink href="/insights">All insights</SeeAllLink>}
    >
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
    </DashboardCard>
  );
}
