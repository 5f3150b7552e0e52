"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";

type Rule = RouterOutputs["notification"]["rules"][number];
type Channel = Rule["channels"][number];

/** Which events to hear about, and where. Everything switched on is always kept in the notification history. */
export function NotificationRules() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: rules } = useSuspenseQuery(trpc.notification.rules.queryOptions());
  const { data: settings } = useSuspenseQuery(trpc.notification.settings.queryOptions());
  const setRule = useMutation(
    trpc.notification.setRule.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notification.rules.queryKey() }),
    }),
  );
  const available: Record<Channel, boolean> = {
    TELEGRAM: settings.telegram.available,
    EMAIL: settings.email.available,
  };
  const toggle = (rule: Rule, channel: Channel, on: boolean) =>
    setRule.mutate({
      type: rule.type,
      enabled: rule.enabled,
      channels: on ? [...rule.channels, channel] : rule.channels.filter((c) => c !== channel),
    });

  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>What to tell you, and where</CardTitle>
        <CardDescription>Every event you keep on also appears in Notifications in the app.</CardDescription>
      </CardHeader>
      <CardContent>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground">
            <tr>
              <th className="py-2 font-medium">Event</th>
              <th className="py-2 text-center font-medium">On</th>
              <th className="py-2 text-center font-medium">Telegram</th>
              <th className="py-2 text-center font-medium">Email</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.type} className="border-t">
                <td className="py-2">{rule.label}</td>
                <td className="py-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${rule.label}: on`}
                    checked={rule.enabled}
                    onChange={(e) =>
                      setRule.mutate({ type: rule.type, enabled: e.target.checked, channels: rule.channels })
                    }
                  />
                </td>
                {(["TELEGRAM", "EMAIL"] as const).map((channel) => (
                  <td key={channel} className="py-2 text-center">
                    <input
                      type="checkbox"
                      aria-label={`${rule.label}: ${channel === "TELEGRAM" ? "Telegram" : "email"}`}
                      disabled={!rule.enabled || !available[channel]}
                      checked={rule.channels.includes(channel)}
                      onChange={(e) => toggle(rule, channel, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!settings.email.available && (
          <p className="mt-3 text-xs text-muted-foreground">Email needs SMTP_URL to be set on the server.</p>
        )}
      </CardContent>
    </Card>
  );
}
