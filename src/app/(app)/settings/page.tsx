import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { CardSkeleton } from "../dashboard/card-skeleton";
import { DeleteAccount } from "./delete-account";
import { ExportData } from "./export-data";
import { NotificationPreferences } from "./notification-preferences";
import { NotificationRules } from "./notification-rules";
import { ProfileSettings } from "./profile-settings";
import { SecurityLink } from "./security-link";
import { TelegramLink } from "./telegram-link";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSession();
  prefetch(
    trpc.notification.settings.queryOptions(),
    trpc.notification.rules.queryOptions(),
    trpc.user.me.queryOptions(),
    trpc.security.twoFactor.status.queryOptions(),
  );
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Settings</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Profile" />}>
          <ProfileSettings />
        </Suspense>
        <SecurityLink />
        <Suspense fallback={<CardSkeleton title="Telegram" />}>
          <TelegramLink />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Alerts" />}>
          <NotificationPreferences />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="What to tell you, and where" />}>
          <NotificationRules />
        </Suspense>
        <ExportData />
        <Suspense fallback={<CardSkeleton title="Delete your account" />}>
          <DeleteAccount />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
