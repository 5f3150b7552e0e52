"use client";

import { Area, AreaChart, Tooltip, XAxis } from "recharts";
import { CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import { useFormat } from "~/lib/use-format";
import { NET_WORTH_MONTHS } from "./chart-ranges";

/** The net worth card's trend line, month by month, in one currency. */
export function NetWorthChart({
  points,
  currency,
  height,
}: {
  points: { date: string; netWorth: string }[];
  currency: string;
  height: number;
}) {
  const format = useFormat();
  return (
    <ChartFrame label={`Net worth in ${currency} over ${NET_WORTH_MONTHS} months`} height={height}>
      <AreaChart data={points.map((p) => ({ month: format.month(p.date), "Net worth": Number(p.netWorth) }))}>
        {/* A sparkline has no axis to show, but the tooltip takes its title from the X axis' value. */}
        <XAxis dataKey="month" hide />
        <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
        <Area dataKey="Net worth" stroke={CHART_COLORS[0]} fill={CHART_COLORS[0]} fillOpacity={0.15} strokeWidth={2} />
      </AreaChart>
    </ChartFrame>
  );
}
