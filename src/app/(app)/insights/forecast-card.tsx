"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { AXIS_PROPS, CHART_COLORS, ChartFrame, MoneyTooltip } from "~/components/ui/chart";
import { NativeSelect } from "~/components/ui/native-select";
import { useFormat } from "~/lib/use-format";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";

type Forecast = RouterOutputs["analytics"]["forecast"];
const HORIZONS = [30, 60, 90] as const;

function SalaryVerdict({ forecast }: { forecast: Forecast }) {
  const format = useFormat();
  const verdict = forecast.beforeNextSalary;
  if (!forecast.nextSalary || !verdict)
    return <p className="text-sm text-muted-foreground">No regular salary found yet.</p>;
  const money = (amount: string) => format.money(amount, verdict.currency);
  return (
    <p className="text-sm" data-testid="salary-verdict">
      {verdict.goesBelowZero
        ? `Before your next salary (${format.day(verdict.salaryDate)}) your balance is likely to go below zero: about ${money(verdict.lowestBalance)} around ${format.day(verdict.lowestDate)}.`
        : verdict.mightGoBelowZero
          ? `Tight before your next salary (${format.day(verdict.salaryDate)}): lowest about ${money(verdict.lowestBalance)}, and a heavy week could take you below zero.`
          : `You should stay above zero until your next salary (${format.day(verdict.salaryDate)}); lowest about ${money(verdict.lowestBalance)}.`}
    </p>
  );
}

export function ForecastCard() {
  const format = useFormat();
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof HORIZONS)[number]>(30);
  // Suspense reads the server's prefetched forecast during hydration (a plain query rendered its
  // skeleton there, React #418); a transition keeps the current chart up while a new horizon loads.
  const [loading, startLoading] = useTransition();
  const { data: forecast } = useSuspenseQuery(trpc.analytics.forecast.queryOptions({ days }));

  return (
    <Card className="lg:col-span-2">
      <CardHeader className="flex-row items-start justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Cash-flow forecast</CardTitle>
          <CardDescription>
            Recurring income and bills on their days, everyday spending at your recent pace, with an 80% range.
          </CardDescription>
        </div>
        <NativeSelect
          aria-label="Horizon"
          value={days}
          onChange={(e) => startLoading(() => setDays(Number(e.target.value) as typeof days))}
          className="w-32"
        >
          {HORIZONS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </NativeSelect>
      </CardHeader>
      <CardContent
        className={cn("flex flex-col gap-4 transition-opacity", loading && "opacity-60")}
        aria-busy={loading}
      >
        {forecast.currencies.length === 0 ? (
          <p className="py-6 text-sm text-muted-foreground">
            Connect or import a checking or savings account to see a forecast.
          </p>
        ) : (
          <>
            <SalaryVerdict forecast={forecast} />
            {forecast.currencies.map((c) => (
              <div key={c.currency} className="flex flex-col gap-2">
                <p className="text-sm text-muted-foreground">
                  {c.currency}: {format.money(c.startBalance, c.currency)} today → about{" "}
                  {format.money(c.endBalance, c.currency)} in {forecast.days} days
                </p>
                <ChartFrame label={`Projected ${c.currency} balance for ${forecast.days} days`}>
                  <ComposedChart
                    data={c.points.map((p) => ({
                      date: format.day(p.date),
                      Balance: Number(p.balance),
                      Range: [Number(p.low), Number(p.high)],
                    }))}
                  >
                    <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                    <XAxis dataKey="date" {...AXIS_PROPS} minTickGap={24} />
                    <YAxis {...AXIS_PROPS} width={70} tickFormatter={(v: number) => format.moneyTick(v, c.currency)} />
                    <Tooltip content={(props) => <MoneyTooltip {...props} currency={c.currency} />} />
                    <ReferenceLine y={0} stroke={CHART_COLORS[3]} strokeDasharray="4 4" />
                    <Area dataKey="Range" stroke="none" fill={CHART_COLORS[1]} fillOpacity={0.2} />
                    <Line dataKey="Balance" stroke={CHART_COLORS[1]} dot={false} strokeWidth={2} />
                  </ComposedChart>
                </ChartFrame>
              </div>
            ))}
          </>
        )}
      </CardContent>
    </Card>
  );
}
