"use client";

import { useMutation, useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent } from "~/components/ui/card";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/lib/trpc/react";
import { useFormat } from "~/lib/use-format";
import type { RouterOutputs } from "~/lib/trpc/types";
import { NOTIFICATIONS_PAGE_SIZE, nextNotificationsPage } from "./paging";
import { TelegramBlockedNotice } from "./telegram-blocked-notice";

type Item = RouterOutputs["notification"]["list"]["items"][number];

const CHANNEL_LABELS: Record<string, string> = { TELEGRAM: "Telegram", EMAIL: "Email", PUSH: "Push" };

export function NotificationsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: unread } = useSuspenseQuery(trpc.notification.unreadCount.queryOptions());
  const { data: settings } = useSuspenseQuery(trpc.notification.settings.queryOptions());
  const blockedAt = settings.telegram.available ? settings.telegram.blockedAt : null;
  const list = useSuspenseInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { limit: NOTIFICATIONS_PAGE_SIZE },
      { getNextPageParam: nextNotificationsPage },
    ),
  );
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: invalidate }));
  const markAllRead = useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: invalidate }));
  const items = list.data.pages.flatMap((page) => page.items);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <Badge variant={unread.count > 0 ? "default" : "secondary"} data-testid="unread-count">
          {unread.count} unread
        </Badge>
        <Button
          className="ml-auto"
          variant="outline"
          size="sm"
          disabled={unread.count === 0 || markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          <CheckCheck aria-hidden /> Mark all read
        </Button>
      </div>
      {blockedAt && <TelegramBlockedNotice blockedAt={blockedAt} linkToSettings />}
      {items.length === 0 ? (
        <Card>
          <CardContent className="flex flex-col items-center gap-2 py-12 text-center text-sm text-muted-foreground">
            <Bell className="size-8" aria-hidden />
            <p>Nothing yet. Large transactions, budget thresholds and reached goals will show up here.</p>
          </CardContent>
        </Card>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Notification history">
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} onRead={() => markRead.mutate({ ids: [item.id] })} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="outline"
          className="self-center"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </div>
  );
}

function NotificationRow({ item, onRead }: { item: Item; onRead: () => void }) {
  const format = useFormat();
  return (
    <li>
      <Card className={cn(!item.read && "border-primary/40 bg-primary/5")}>
        <CardContent className="flex items-start gap-3 pt-4">
          <span
            className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.read ? "bg-transparent" : "bg-primary")}
            aria-label={item.read ? undefined : "Unread"}
          />
          <div className="min-w-0 flex-1">
            <p className="font-medium">{item.title}</p>
            <p className="whitespace-pre-line text-sm text-muted-foreground">{item.message}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <time dateTime={item.createdAt}>{format.moment(item.createdAt)}</time>
              {item.deliveries.map((d) => (
                <Badge
                  key={d.channel}
                  variant={d.status === "FAILED" ? "warning" : "outline"}
                  title={d.error ?? undefined}
                >
                  {CHANNEL_LABELS[d.channel] ?? d.channel}:{" "}
                  {d.status === "SENT"
                    ? "sent"
                    : d.status === "FAILED"
                      ? `failed${d.error ? ` — ${d.error}` : ""}`
                      : "sending"}
                </Badge>
              ))}
            </p>
          </div>
          {!item.read && (
            <Button variant="ghost" size="sm" onClick={onRead}>
              Mark read
            </Button>
          )}
        </CardContent>
      </Card>
    </li>
  );
}
