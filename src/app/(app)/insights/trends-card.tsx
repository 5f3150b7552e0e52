"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import { type Formatters, humanizeSlug } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { sumAmounts } from "~/server/transaction/money";
import { CurrencyPicker, useCurrencyChoice } from "./currency-picker";
import { IncomeSpendingChart } from "./income-spending-chart";

type Trends = RouterOutputs["analytics"]["spendingTrends"];
const SHOWN_CATEGORIES = 6;

/** One row per month: each shown category's spending, the rest summed (exactly) as "Other". */
function categoryRows(trends: Trends, currency: string, format: Formatters) {
  const rows = trends.byCategory.filter((r) => r.currency === currency);
  const totals = new Map<string, string>();
  for (const r of rows) totals.set(r.category, sumAmounts([totals.get(r.category) ?? "0", r.spent]));
  const shown = [...totals.entries()]
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .slice(0, SHOWN_CATEGORIES)
    .map(([category]) => category);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const data = months.map((month) => {
    const inMonth = rows.filter((r) => r.month === month);
    const row: Record<string, string | number> = { month: format.month(month) };
    for (const category of shown)
      row[humanizeSlug(category)] = Number(inMonth.find((r) => r.category === category)?.spent ?? 0);
    const rest = inMonth.filter((r) => !shown.includes(r.category)).map((r) => r.spent);
    if (rest.length) row.Other = Number(sumAmounts(rest));
    return row;
  });
  const series = [...shown.map(humanizeSlug), ...(data.some((d) => "Other" in d) ? ["Other"] : [])];
  return { data, series };
}

export function TrendsCard({ months }: { months: number }) {
  const trpc = useTRPC();
  const { data: trends } = useSuspenseQuery(trpc.analytics.spendingTrends.queryOptions({ months }));
  const { currencies, currency, setCurrency } = useCurrencyChoice(trends.incomeVsExpense);
  const format = useFormat();
  const byCategory = useMemo(() => categoryRows(trends, currency, format), [trends, currency, format]);

  return (
    <Card className="lg:col-span-2">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Spending trends</CardTitle>
          <CardDescription>
            {format.fullDay(trends.from)} – {format.fullDay(trends.to)}, by category and against income.
          </CardDescription>
        </div>
        <CurrencyPicker currencies={currencies} value={currency} onChange={setCurrency} />
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        {!trends.incomeVsExpense.some((r) => r.currency === currency) ? (
          <p className="py-6 text-sm text-muted-foreground">No transactions in this period yet.</p>
        ) : (
          <>
            <ChartFrame label={`Spending by category per month in ${currency}`}>
              <BarChart data={byCategory.data}>
                <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                <XAxis dataKey="month" {...AXIS_PROPS} />
                <YAxis {...AXIS_PROPS} width={60} tickFormatter={(v: number) => format.moneyTick(v, currency)} />
                <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {byCategory.series.map((name, i) => (
                  <Bar key={name} dataKey={name} stackId="spending" fill={CHART_COLORS[i % CHART_COLORS.length]} />
                ))}
              </BarChart>
            </ChartFrame>
            <IncomeSpendingChart months={trends.incomeVsExpense} currency={currency} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
