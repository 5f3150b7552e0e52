"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import { useFormat } from "~/lib/use-format";
import type { ToolOutput } from "~/server/chat/tools/tool-catalog";

const currenciesOf = (rows: { currency: string }[]) => [...new Set(rows.map((r) => r.currency))];

export function CategoryBars({ rows }: { rows: ToolOutput<"spendingByCategory">["categories"] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No spending in this period.</p>;
  return (
    <>
      {currenciesOf(rows).map((currency) => {
        const data = rows
          .filter((r) => r.currency === currency)
          .map((r) => ({ name: r.label, Spent: Number(r.spent) }));
        return (
          <ChartFrame
            key={currency}
            label={`Spending by category in ${currency}`}
            height={Math.max(120, data.length * 28)}
          >
            <BarChart data={data} layout="vertical" margin={{ left: 8 }}>
              <XAxis type="number" {...AXIS_PROPS} tickFormatter={(v: number) => format.moneyTick(v, currency)} />
              <YAxis type="category" dataKey="name" width={130} {...AXIS_PROPS} />
              <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
              <Bar dataKey="Spent" fill={CHART_COLORS[0]} />
            </BarChart>
          </ChartFrame>
        );
      })}
    </>
  );
}

export function MonthBars({ rows }: { rows: ToolOutput<"spendingTrend">["months"] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No spending in these months.</p>;
  return (
    <>
      {currenciesOf(rows).map((currency) => (
        <ChartFrame key={currency} label={`Spending per month in ${currency}`} height={200}>
          <BarChart
            data={rows
              .filter((r) => r.currency === currency)
              .map((r) => ({ month: format.month(r.month), Spent: Number(r.spent) }))}
          >
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="month" {...AXIS_PROPS} />
            <YAxis {...AXIS_PROPS} width={60} tickFormatter={(v: number) => format.moneyTick(v, currency)} />
            <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
            <Bar dataKey="Spent" fill={CHART_COLORS[1]} />
          </BarChart>
        </ChartFrame>
      ))}
    </>
  );
}

export function ForecastLine({ out }: { out: ToolOutput<"cashFlowForecast"> }) {
  const format = useFormat();
  if (out.currencies.length === 0)
    return <p className="text-sm text-muted-foreground">No cash accounts to forecast.</p>;
  return (
    <>
      {out.currencies.map((c) => (
        <ChartFrame key={c.currency} label={`Projected ${c.currency} balance`} height={200}>
          <LineChart data={c.points.map((p) => ({ date: format.day(p.date), Balance: Number(p.balance) }))}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="date" {...AXIS_PROPS} minTickGap={24} />
            <YAxis {...AXIS_PROPS} width={70} tickFormatter={(v: number) => format.moneyTick(v, c.currency)} />
            <Tooltip content={(props) => <MoneyTooltip {...props} currency={c.currency} />} />
            <ReferenceLine y={0} stroke={CHART_COLORS[3]} strokeDasharray="4 4" />
            <Line dataKey="Balance" stroke={CHART_COLORS[1]} dot={false} strokeWidth={2} />
          </LineChart>
        </ChartFrame>
      ))}
    </>
  );
}
