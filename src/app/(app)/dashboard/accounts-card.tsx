"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Landmark } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import { humanizeSlug } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import { useTRPC } from "~/lib/trpc/react";
import { DashboardCard } from "./dashboard-card";
import { CONNECT_OR_IMPORT } from "./next-steps";

export function AccountsCard() {
  const format = useFormat();
  const trpc = useTRPC();
  const { data: accounts } = useSuspenseQuery(trpc.bank.accounts.queryOptions());
  return (
    <DashboardCard
      testId="accounts"
      title="Accounts"
      description={accounts.length ? `${accounts.length} connected` : "Nothing connected yet"}
    >
      {accounts.length === 0 ? (
        <EmptyState icon={Landmark} actions={CONNECT_OR_IMPORT}>
          Connect a bank or import a bank file to see your balances here.
        </EmptyState>
      ) : (
        <ul className="flex flex-col divide-y">
          {accounts.map((account) => (
            <li key={account.id} className="flex items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{account.name}</p>
                <p className="text-xs text-muted-foreground">
                  {[account.institutionName, humanizeSlug(account.type), account.mask && `•••${account.mask}`]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <span className="shrink-0 text-sm font-semibold tabular-nums">
                {account.currentBalance === null ? "—" : format.money(account.currentBalance, account.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
