"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Send, Unlink } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/lib/trpc/react";
import { useFormat } from "~/lib/use-format";
import { TelegramBlockedNotice } from "../notifications/telegram-blocked-notice";

export function TelegramLink() {
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const createLink = useMutation(trpc.notification.createTelegramLink.mutationOptions());
  // While a code is on screen, look every few seconds for the chat that used it.
  const { data: settings } = useSuspenseQuery({
    ...trpc.notification.settings.queryOptions(),
    refetchInterval: createLink.data && !createLink.isError ? 3000 : false,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notification.settings.queryKey() });
  const unlink = useMutation(trpc.notification.unlinkTelegram.mutationOptions({ onSuccess: invalidate }));
  const telegram = settings.telegram;
  const code = !telegram.linked ? createLink.data : undefined;

  return (
    <Card data-testid="telegram-settings">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Telegram {telegram.linked && !telegram.blockedAt && <Badge variant="secondary">Linked</Badge>}
        </CardTitle>
        <CardDescription>
          Alerts, summaries and quick answers (/summary, /budget, /spent) in a chat with the bot.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {!telegram.available && (
          <p className="text-muted-foreground">Telegram is not set up on this server (TELEGRAM_BOT_TOKEN).</p>
        )}
        {telegram.available && telegram.blockedAt && <TelegramBlockedNotice blockedAt={telegram.blockedAt} />}
        {telegram.available && telegram.linked && (
          <div>
            <Button variant="outline" onClick={() => unlink.mutate()} disabled={unlink.isPending}>
              <Unlink aria-hidden /> Unlink Telegram
            </Button>
          </div>
        )}
        {telegram.available && !telegram.linked && !code && (
          <div>
            <Button onClick={() => createLink.mutate()} disabled={createLink.isPending}>
              <Send aria-hidden /> Link Telegram
            </Button>
          </div>
        )}
        {code && (
          <div className="flex flex-col gap-2 rounded-md border p-3">
            {code.url && (
              <a
                className="font-medium text-primary underline-offset-4 hover:underline"
                href={code.url}
                target="_blank"
                rel="noreferrer"
              >
                Open the bot in Telegram
              </a>
            )}
            <p>
              {code.url ? "or send it" : `Send ${telegram.botUsername ? `@${telegram.botUsername}` : "the bot"}`} this
              message:
            </p>
            <code className="select-all rounded bg-muted px-2 py-1" data-testid="telegram-link-code">
              /start {code.code}
            </code>
            <p className="text-xs text-muted-foreground">The code works once, until {format.time(code.expiresAt)}.</p>
          </div>
        )}
        {createLink.error && (
          <p role="alert" className="text-destructive">
            {createLink.error.message}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
