import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CardSkeleton } from "~/app/(app)/dashboard/card-skeleton";
import { HydrateClient, getQueryClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { ApiTokens } from "./api-tokens";
import { AuditLog } from "./audit-log";
import { AUDIT_PAGE, nextAuditPage } from "./audit-page";
import { PasswordSettings } from "./password-settings";
import { SessionsList } from "./sessions-list";
import { TwoFactorSettings } from "./two-factor-settings";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await requireSession();
  prefetch(
    trpc.user.me.queryOptions(),
    trpc.security.twoFactor.status.queryOptions(),
    trpc.security.sessions.list.queryOptions(),
    trpc.security.apiTokens.list.queryOptions(),
  );
  void getQueryClient().prefetchInfiniteQuery(
    trpc.security.auditLog.infiniteQueryOptions(AUDIT_PAGE, { getNextPageParam: nextAuditPage }),
  );
  return (
    <HydrateClient>
      <p className="mb-1 text-sm text-muted-foreground">
        <Link href="/settings" className="underline-offset-4 hover:underline">
          Settings
        </Link>{" "}
        /
      </p>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign-in and security</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Password" />}>
          <PasswordSettings />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Two-factor authentication" />}>
          <TwoFactorSettings />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Signed-in devices" className="lg:col-span-2" />}>
          <SessionsList />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="API tokens" className="lg:col-span-2" />}>
          <ApiTokens />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Security log" className="lg:col-span-2" />}>
          <AuditLog />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
