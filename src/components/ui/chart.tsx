"use client";

/**
 * Chart pieces shared by the insights page and the chat, on recharts: a sized, labelled frame,
 * a palette that reads in light and dark themes, and a tooltip that shows money as money.
 * Charts plot numbers (display only); the figures in text stay the exact decimal strings.
 */
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import type { Formatters } from "~/lib/format";
import { useFormat } from "~/lib/use-format";

export const CHART_COLORS = [
  "oklch(0.58 0.14 160)",
  "oklch(0.6 0.15 250)",
  "oklch(0.72 0.15 75)",
  "oklch(0.62 0.19 25)",
  "oklch(0.6 0.14 305)",
  "oklch(0.68 0.1 200)",
  "oklch(0.6 0.03 260)",
];

export const AXIS_PROPS = { tick: { fontSize: 12 }, stroke: "currentColor", strokeOpacity: 0.4 } as const;

export function ChartFrame({
  label,
  height = 240,
  children,
}: {
  label: string;
  height?: number;
  children: ReactElement;
}) {
  return (
    <figure aria-label={label} className="w-full text-muted-foreground" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

type TooltipEntry = { name?: string | number; value?: unknown; color?: string };

/** Tooltip content for recharts' <Tooltip content={…}>: one line per series, in the chart's currency. */
export function MoneyTooltip({
  active,
  payload,
  label,
  currency,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: string | number;
  currency: string;
}) {
  const format = useFormat();
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border bg-background px-3 py-2 text-xs text-foreground shadow-md">
      <p className="mb-1 font-medium">{label}</p>
      <ul className="flex flex-col gap-0.5">
        {payload.map((entry) => (
          <li key={String(entry.name)} className="flex items-center gap-2">
            <span className="size-2 rounded-full" style={{ background: entry.color }} aria-hidden />
            <span>{entry.name}</span>
            <span className="ml-auto tabular-nums">{formatValue(entry.value, currency, format)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function formatValue(value: unknown, currency: string, format: Formatters): string {
  if (Array.isArray(value)) return value.map((v) => formatValue(v, currency, format)).join(" – ");
  return typeof value === "number" ? format.money(String(value), currency) : String(value ?? "");
}
