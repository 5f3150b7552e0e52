"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ChartColumn } from "lucide-react";
import dynamic from "next/dynamic";
import { EmptyState } from "~/components/ui/empty-state";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { CurrencyPicker, useCurrencyChoice } from "../insights/currency-picker";
import { DashboardCard } from "./dashboard-card";
import { CASH_FLOW_MONTHS } from "./chart-ranges";
import { CONNECT_OR_IMPORT } from "./next-steps";

const CHART_HEIGHT = 250;

// Loaded once the page is up (recharts is heavy), in a box of the chart's size so nothing moves.
const IncomeSpendingChart = dynamic(
  () => import("../insights/income-spending-chart").then((m) => m.IncomeSpendingChart),
  { ssr: false, loading: () => <div style={{ height: CHART_HEIGHT }} /> },
);

export function CashFlowCard() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.analytics.spendingTrends.queryOptions({ months: CASH_FLOW_MONTHS }));
  const { currencies, currency, setCurrency } = useCurrencyChoice(data.incomeVsExpense);
  const months = data.incomeVsExpense.filter((r) => r.currency === currency);
  const thisMonth = months.find((r) => r.month === data.to.slice(0, 7));

  return (
    <DashboardCard
      testId="cash-flow"
      scrollable={false}
      title="Cash flow"
      description={`Income against spending, last ${CASH_FLOW_MONTHS} months${thisMonth ? ` · this month ${format.moneyChange(thisMonth.net, currency)}` : ""}`}
      action={<CurrencyPicker currencies={currencies} value={currency} onChange={setCurrency} />}
    >
      {months.length === 0 ? (
        <EmptyState icon={ChartColumn} actions={CONNECT_OR_IMPORT}>
          Once transactions come in, you will see each month&apos;s income beside its spending.
        </EmptyState>
      ) : (
        <IncomeSpendingChart months={months} currency={currency} height={CHART_HEIGHT} />
      )}
    </DashboardCard>
  );
}
