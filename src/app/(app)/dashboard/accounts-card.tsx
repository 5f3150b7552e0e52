"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Landmark } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { formatMoney, humanizeSlug } from "~/lib/format";
import { useTRPC } from "~/lib/trpc/react";

export function AccountsCard() {
  const trpc = useTRPC();
  const { data: accounts } = useSuspenseQuery(trpc.bank.accounts.queryOptions());
  return (
    <Card data-testid="accounts">
      <CardHeader>
        <CardTitle>Accounts</CardTitle>
        <CardDescription>{accounts.length ? `${accounts.length} connected` : "Nothing connected yet"}</CardDescription>
      </CardHeader>
      <CardContent>
        {accounts.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-6 text-center text-sm text-muted-foreground">
            <Landmark className="size-8" aria-hidden />
            <p>Connect a bank or import a bank file to see your balances here.</p>
          </div>
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
                  {account.currentBalance === null ? "—" : formatMoney(account.currentBalance, account.currency)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
