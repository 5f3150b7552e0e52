"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Scale } from "lucide-react";
import dynamic from "next/dynamic";
import { EmptyState } from "~/components/ui/empty-state";
import { cn } from "~/lib/cn";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { CurrencyPicker, useCurrencyChoice } from "../insights/currency-picker";
import { DashboardCard } from "./dashboard-card";
import { NET_WORTH_MONTHS } from "./chart-ranges";
import { CONNECT_OR_IMPORT } from "./next-steps";

const CHART_HEIGHT = 80;

// Recharts would be a third of the page's first-load script: the trend line loads once the page is
// up, in a box of its own size so nothing moves (it drew nothing in the server render either).
const NetWorthChart = dynamic(() => import("./net-worth-chart").then((m) => m.NetWorthChart), {
  ssr: false,
  loading: () => <div style={{ height: CHART_HEIGHT }} />,
});

export function NetWorthSummary() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.analytics.netWorth.queryOptions({ months: NET_WORTH_MONTHS }));
  const { currencies, currency, setCurrency } = useCurrencyChoice(data.points);
  const points = data.points.filter((p) => p.currency === currency);
  const today = points.at(-1);
  const monthAgo = points.at(-2);
  const change =
    today && monthAgo ? fromMinorUnits(toMinorUnits(today.netWorth) - toMinorUnits(monthAgo.netWorth)) : null;

  return (
    <DashboardCard
      testId="net-worth"
      scrollable={false}
      bodyClassName="flex flex-col gap-2"
      title="Net worth"
      description="What you own minus what you owe"
      action={<CurrencyPicker currencies={currencies} value={currency} onChange={setCurrency} />}
    >
      {!today ? (
        <EmptyState icon={Scale} actions={CONNECT_OR_IMPORT}>
          Connect a bank or import a statement to see your net worth.
        </EmptyState>
      ) : (
        <>
          <p className="text-3xl font-semibold tabular-nums">{format.money(today.netWorth, currency)}</p>
          <p className="text-sm text-muted-foreground tabular-nums">
            {change !== null && (
              <span className={cn(!change.startsWith("-") && change !== "0.00" && "text-positive")}>
                {format.moneyChange(change, currency)} since last month ·{" "}
              </span>
            )}
            owed {format.money(today.liabilities, currency)}
          </p>
          <NetWorthChart points={points} currency={currency} height={CHART_HEIGHT} />
        </>
      )}
    </DashboardCard>
  );
}
