import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { NotificationPreferences } from "./notification-preferences";
import { NotificationRules } from "./notification-rules";
import { TelegramLink } from "./telegram-link";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSession();
  prefetch(trpc.notification.settings.queryOptions(), trpc.notification.rules.queryOptions());
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Settings</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense>
          <TelegramLink />
        </Suspense>
        <Suspense>
          <NotificationPreferences />
        </Suspense>
        <Suspense>
          <NotificationRules />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
