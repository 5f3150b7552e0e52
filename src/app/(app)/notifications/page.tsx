import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { NOTIFICATIONS_PAGE_SIZE, nextNotificationsPage } from "./paging";
import { NotificationsView } from "./notifications-view";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireSession();
  prefetch(
    trpc.notification.unreadCount.queryOptions(),
    trpc.notification.settings.queryOptions(),
    trpc.notification.list.infiniteQueryOptions(
      { limit: NOTIFICATIONS_PAGE_SIZE },
      { getNextPageParam: nextNotificationsPage },
    ),
  );
  return (
    <HydrateClient>
      <Suspense>
        <NotificationsView />
      </Suspense>
    </HydrateClient>
  );
}
