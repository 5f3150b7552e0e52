"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { CurrencyPicker, useCurrencyChoice } from "./currency-picker";

export function NetWorthCard({ months }: { months: number }) {
  const format = useFormat();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.analytics.netWorth.queryOptions({ months }));
  const { currencies, currency, setCurrency } = useCurrencyChoice(data.points);
  const points = data.points.filter((p) => p.currency === currency);
  const latest = points.at(-1);

  return (
    <Card className="lg:col-span-2">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Net worth</CardTitle>
          <CardDescription>
            Month-end balances rebuilt from today&apos;s, cards and loans counted as debts.
            {latest && ` Today: ${format.money(latest.netWorth, currency)}.`}
          </CardDescription>
        </div>
        <CurrencyPicker currencies={currencies} value={currency} onChange={setCurrency} />
      </CardHeader>
      <CardContent>
        {points.length === 0 ? (
          <p className="py-6 text-sm text-muted-foreground">No account balances yet.</p>
        ) : (
          <ChartFrame label={`Net worth in ${currency} at each month's end`}>
            <LineChart
              data={points.map((p) => ({
                date: format.month(p.date),
                "Net worth": Number(p.netWorth),
                Assets: Number(p.assets),
                Debts: Number(p.liabilities),
              }))}
            >
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
              <XAxis dataKey="date" {...AXIS_PROPS} />
              <YAxis {...AXIS_PROPS} width={70} tickFormatter={(v: number) => format.moneyTick(v, currency)} />
              <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
              <Line dataKey="Net worth" stroke={CHART_COLORS[0]} strokeWidth={2} dot={false} />
              <Line dataKey="Assets" stroke={CHART_COLORS[1]} dot={false} strokeOpacity={0.6} />
              <Line dataKey="Debts" stroke={CHART_COLORS[3]} dot={false} strokeOpacity={0.6} />
            </LineChart>
          </ChartFrame>
        )}
      </CardContent>
    </Card>
  );
}
