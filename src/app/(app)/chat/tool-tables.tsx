"use client";

import { Progress } from "~/components/ui/progress";
import { humanizeSlug } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import type { ToolOutput } from "~/server/chat/tools/tool-catalog";

const cell = "py-1.5 pr-3";
const money = "py-1.5 text-right tabular-nums";

export function TotalsList({ totals }: { totals: ToolOutput<"spendingSummary">["totals"] }) {
  const format = useFormat();
  if (totals.length === 0) return <p className="text-sm text-muted-foreground">Nothing spent.</p>;
  return (
    <dl className="flex flex-wrap gap-4">
      {totals.map((t) => (
        <div key={t.currency} className="rounded-md border bg-background px-3 py-2">
          <dt className="text-xs text-muted-foreground">
            {t.currency} · {t.count} transactions
          </dt>
          <dd className="text-lg font-semibold tabular-nums">{format.money(t.spent, t.currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ head, children }: { head: string[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            {head.map((h, i) => (
              <th key={h} className={`pb-1 font-medium ${i === head.length - 1 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">{children}</tbody>
      </table>
    </div>
  );
}

export function MerchantsTable({ rows }: { rows: ToolOutput<"topMerchants">["merchants"] }) {
  const format = useFormat();
  return (
    <Table head={["Merchant", "Purchases", "Spent"]}>
      {rows.map((m) => (
        <tr key={`${m.currency}-${m.merchantKey}`}>
          <td className={cell}>{m.merchant}</td>
          <td className={cell}>{m.count}</td>
          <td className={money}>{format.money(m.spent, m.currency)}</td>
        </tr>
      ))}
    </Table>
  );
}

type ExpenseRow = {
  id: string;
  date: string;
  merchant: string;
  amount: string;
  currency: string;
  category: string | null;
};

export function ExpensesTable({ rows }: { rows: ExpenseRow[] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No matching transactions.</p>;
  return (
    <Table head={["Date", "Merchant", "Category", "Amount"]}>
      {rows.map((t) => (
        <tr key={t.id}>
          <td className={`${cell} whitespace-nowrap`}>{format.fullDay(t.date)}</td>
          <td className={cell}>{t.merchant}</td>
          <td className={`${cell} text-muted-foreground`}>{t.category ? humanizeSlug(t.category) : "—"}</td>
          <td className={money}>{format.money(t.amount, t.currency)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function ComparisonTable({ out }: { out: ToolOutput<"comparePeriods"> }) {
  const format = useFormat();
  return (
    <Table
      head={[
        "Currency",
        `${format.fullDay(out.current.from)} – ${format.fullDay(out.current.to)}`,
        `${format.fullDay(out.previous.from)} – ${format.fullDay(out.previous.to)}`,
        "Change",
      ]}
    >
      {out.comparison.map((c) => (
        <tr key={c.currency}>
          <td className={cell}>{c.currency}</td>
          <td className={`${cell} tabular-nums`}>{format.money(c.current, c.currency)}</td>
          <td className={`${cell} tabular-nums`}>{format.money(c.previous, c.currency)}</td>
          <td className={money}>
            {format.money(c.difference, c.currency)}
            {c.percent !== null && ` (${c.percent}%)`}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function IncomeTable({ rows }: { rows: ToolOutput<"income">["totals"] }) {
  const format = useFormat();
  return (
    <Table head={["Source", "Received"]}>
      {rows.flatMap((t) => [
        ...t.sources.map((s) => (
          <tr key={`${t.currency}-${s.name}`}>
            <td className={cell}>{s.name}</td>
            <td className={money}>{format.money(s.amount, t.currency)}</td>
          </tr>
        )),
        <tr key={`${t.currency}-total`} className="font-medium">
          <td className={cell}>Total ({t.count} payments)</td>
          <td className={money}>{format.money(t.income, t.currency)}</td>
        </tr>,
      ])}
    </Table>
  );
}

export function BudgetList({ rows }: { rows: ToolOutput<"budgetStatus">["budgets"] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No budgets yet.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((b) => (
        <li key={b.name} className="flex flex-col gap-1">
          <div className="flex justify-between text-sm">
            <span>{b.name}</span>
            <span className="tabular-nums">
              {format.money(b.spent, b.currency)} / {format.money(b.amount, b.currency)}
            </span>
          </div>
          <Progress value={b.percent ?? 0} label={`${b.name}: ${b.percent ?? 0}% used`} />
        </li>
      ))}
    </ul>
  );
}

export function GoalList({ rows }: { rows: ToolOutput<"savingsGoals">["goals"] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No savings goals yet.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((g) => (
        <li key={g.name} className="flex flex-col gap-1">
          <div className="flex justify-between text-sm">
            <span>{g.name}</span>
            <span className="tabular-nums">
              {format.money(g.saved, g.currency)} / {format.money(g.target, g.currency)}
            </span>
          </div>
          <Progress value={g.percent} label={`${g.name}: ${g.percent}% saved`} />
        </li>
      ))}
    </ul>
  );
}

type Bill = ToolOutput<"subscriptions">["subscriptions"][number];

export function BillsTable({ rows }: { rows: Bill[] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">None found.</p>;
  return (
    <Table head={["What", "How often", "Next", "Amount"]}>
      {rows.map((b) => (
        <tr key={`${b.name}-${b.currency}`}>
          <td className={cell}>
            {b.name}
            {b.priceRise && (
              <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">+{b.priceRise.percent}%</span>
            )}
          </td>
          <td className={`${cell} capitalize text-muted-foreground`}>{b.cadence}</td>
          <td className={`${cell} text-muted-foreground`}>{format.fullDay(b.nextExpectedDate)}</td>
          <td className={money}>{format.money(b.amount, b.currency)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function AnomalyList({ rows }: { rows: ToolOutput<"unusualSpending">["anomalies"] }) {
  const format = useFormat();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing unusual.</p>;
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {rows.map((a) => (
        <li key={`${a.kind}-${a.transactionId}`}>
          <span className="tabular-nums">{format.money(a.amount, a.currency)}</span> · {format.fullDay(a.date)} ·{" "}
          {a.explanation}
        </li>
      ))}
    </ul>
  );
}

export function AccountsTable({ rows }: { rows: ToolOutput<"accounts">["accounts"] }) {
  const format = useFormat();
  return (
    <Table head={["Account", "Type", "Balance"]}>
      {rows.map((a) => (
        <tr key={a.id}>
          <td className={cell}>{a.name}</td>
          <td className={`${cell} capitalize text-muted-foreground`}>{a.type.toLowerCase()}</td>
          <td className={money}>{a.currentBalance === null ? "—" : format.money(a.currentBalance, a.currency)}</td>
        </tr>
      ))}
    </Table>
  );
}
