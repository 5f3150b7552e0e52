"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import type { RouterOutputs } from "~/lib/trpc/types";
import { useFormat } from "~/lib/use-format";

type IncomeExpenseMonth = RouterOutputs["analytics"]["spendingTrends"]["incomeVsExpense"][number];

/** Income beside spending, month by month, in one currency. */
export function IncomeSpendingChart({
  months,
  currency,
  height,
}: {
  months: IncomeExpenseMonth[];
  currency: string;
  height?: number;
}) {
  const format = useFormat();
  const data = months
    .filter((r) => r.currency === currency)
    .map((r) => ({ month: format.month(r.month), Income: Number(r.income), Spending: Number(r.expense) }));
  return (
    <ChartFrame label={`Income and spending per month in ${currency}`} height={height}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="month" {...AXIS_PROPS} />
        <YAxis {...AXIS_PROPS} width={60} tickFormatter={(v: number) => format.moneyTick(v, currency)} />
        <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="Income" fill={CHART_COLORS[0]} />
        <Bar dataKey="Spending" fill={CHART_COLORS[3]} />
      </BarChart>
    </ChartFrame>
  );
}
