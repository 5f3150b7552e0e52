"use client";

import { type DynamicToolUIPart, type ToolUIPart, type UITools, getToolOrDynamicToolName } from "ai";
import Link from "next/link";
import type { ChatToolName, ToolOutput } from "~/server/chat/tools/tool-catalog";
import { CategoryBars, ForecastLine, MonthBars } from "./tool-charts";
import {
  AccountsTable,
  AnomalyList,
  BillsTable,
  BudgetList,
  ComparisonTable,
  ExpensesTable,
  GoalList,
  IncomeTable,
  MerchantsTable,
  TotalsList,
} from "./tool-tables";

const LOOKING_UP: Record<ChatToolName, string> = {
  spendingSummary: "your spending",
  spendingByCategory: "spending by category",
  spendingTrend: "your monthly spending",
  topMerchants: "your top merchants",
  largestExpenses: "your largest expenses",
  comparePeriods: "both periods",
  income: "your income",
  listTransactions: "your transactions",
  budgetStatus: "your budgets",
  savingsGoals: "your goals",
  cashFlowForecast: "your cash-flow forecast",
  subscriptions: "your subscriptions",
  upcomingBills: "upcoming bills",
  unusualSpending: "unusual charges",
  accounts: "your accounts",
};

function SeeTransactions({ href }: { href: string | null | undefined }) {
  if (!href) return null;
  return (
    <Link href={href} className="self-start text-xs font-medium text-primary underline-offset-4 hover:underline">
      See the transactions →
    </Link>
  );
}

/** A tool's result, drawn for the eye: figures as tables, series as charts. */
function ToolOutputView({ name, output }: { name: ChatToolName; output: unknown }) {
  switch (name) {
    case "spendingSummary": {
      const out = output as ToolOutput<"spendingSummary">;
      return (
        <>
          <TotalsList totals={out.totals} />
          <SeeTransactions href={out.link} />
        </>
      );
    }
    case "spendingByCategory":
      return <CategoryBars rows={(output as ToolOutput<"spendingByCategory">).categories} />;
    case "spendingTrend": {
      const out = output as ToolOutput<"spendingTrend">;
      return (
        <>
          <MonthBars rows={out.months} />
          <SeeTransactions href={out.link} />
        </>
      );
    }
    case "topMerchants":
      return <MerchantsTable rows={(output as ToolOutput<"topMerchants">).merchants} />;
    case "largestExpenses":
    case "listTransactions": {
      const out = output as ToolOutput<"largestExpenses"> | ToolOutput<"listTransactions">;
      return (
        <>
          <ExpensesTable rows={out.transactions} />
          <SeeTransactions href={out.link} />
        </>
      );
    }
    case "comparePeriods": {
      const out = output as ToolOutput<"comparePeriods">;
      return (
        <>
          <ComparisonTable out={out} />
          <SeeTransactions href={out.link} />
        </>
      );
    }
    case "income": {
      const out = output as ToolOutput<"income">;
      return (
        <>
          <IncomeTable rows={out.totals} />
          <SeeTransactions href={out.link} />
        </>
      );
    }
    case "budgetStatus":
      return <BudgetList rows={(output as ToolOutput<"budgetStatus">).budgets} />;
    case "savingsGoals":
      return <GoalList rows={(output as ToolOutput<"savingsGoals">).goals} />;
    case "cashFlowForecast":
      return <ForecastLine out={output as ToolOutput<"cashFlowForecast">} />;
    case "subscriptions":
      return <BillsTable rows={(output as ToolOutput<"subscriptions">).subscriptions} />;
    case "upcomingBills":
      return <BillsTable rows={(output as ToolOutput<"upcomingBills">).bills} />;
    case "unusualSpending":
      return <AnomalyList rows={(output as ToolOutput<"unusualSpending">).anomalies} />;
    case "accounts":
      return <AccountsTable rows={(output as ToolOutput<"accounts">).accounts} />;
  }
}

export function ToolResult({ part }: { part: ToolUIPart<UITools> | DynamicToolUIPart }) {
  const name = getToolOrDynamicToolName(part) as ChatToolName;
  switch (part.state) {
    case "input-streaming":
    case "input-available":
      return <p className="text-xs text-muted-foreground">Looking up {LOOKING_UP[name] ?? name}…</p>;
    case "output-error":
      return <p className="text-xs text-muted-foreground">Could not look that up: {part.errorText}</p>;
    case "output-available":
      return name in LOOKING_UP ? (
        <div className="flex flex-col gap-2" data-testid={`tool-${name}`}>
          <ToolOutputView name={name} output={part.output} />
        </div>
      ) : null;
    default:
      return null;
  }
}
