"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/lib/trpc/react";
import { useFormat } from "~/lib/use-format";
import { describeDevice } from "~/server/auth/describe-device";
import type { AuditAction } from "~/server/security/audit-log";
import { AUDIT_PAGE, nextAuditPage } from "./audit-page";

// Typed by the action list so a new action cannot reach the log without words for it; the deletion
// entry outlives the account and is never shown to it.
const ACTION_LABELS: Record<Exclude<AuditAction, "account.deleted">, string> = {
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Failed sign-in attempt",
  "sign_in.throttled": "Sign-in attempt refused (too many failures)",
  sign_out: "Signed out",
  "oauth.linked": "Google account linked",
  "two_factor.enabled": "Two-factor turned on",
  "two_factor.disabled": "Two-factor turned off",
  "two_factor.failed": "Wrong two-factor code",
  "two_factor.recovery_code_used": "Recovery code used",
  "two_factor.recovery_codes_regenerated": "New recovery codes made",
  "email.verification_sent": "Confirmation email sent",
  "email.verified": "Email address confirmed",
  "password.changed": "Password changed",
  "password.reset_requested": "Password reset requested",
  "password.reset": "Password reset",
  "session.revoked": "A device was signed out",
  "sessions.revoked_others": "Other devices signed out",
  "sessions.revoked_all": "Signed out everywhere",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "bank.connected": "Bank connected",
  "bank.reauthorized": "Bank sign-in renewed",
  "bank.removed": "Bank connection removed",
  "data.exported": "Data exported",
};

// Rows store the action as text; one written by a newer version may have no label here yet.
const labelOf = (action: string) => (ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;

export function AuditLog() {
  const trpc = useTRPC();
  const format = useFormat();
  const log = useSuspenseInfiniteQuery(
    trpc.security.auditLog.infiniteQueryOptions(AUDIT_PAGE, { getNextPageParam: nextAuditPage }),
  );
  const entries = log.data.pages.flatMap((page) => page.items);

  return (
    <Card className="lg:col-span-2" data-testid="audit-log">
      <CardHeader>
        <CardTitle>Security log</CardTitle>
        <CardDescription>Sign-ins and changes to your account&apos;s security, newest first.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-1 pr-3 font-normal">When</th>
                <th className="py-1 pr-3 font-normal">What</th>
                <th className="py-1 font-normal">From</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap py-2 pr-3">{format.moment(entry.at)}</td>
                  <td className="py-2 pr-3">{labelOf(entry.action)}</td>
                  <td className="py-2 text-muted-foreground">
                    {entry.ipAddress ?? "—"} · {describeDevice(entry.userAgent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.hasNextPage && (
          <div>
            <Button
              variant="outline"
              size="sm"
              onClick={() => void log.fetchNextPage()}
              disabled={log.isFetchingNextPage}
            >
              Show older
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
