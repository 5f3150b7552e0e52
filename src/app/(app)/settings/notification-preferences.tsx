"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";
import { WEEKDAYS } from "~/server/notification/local-clock";
import { updateSettingsInput } from "~/server/notification/settings-schema";

const dayLabel = (day: string) => day.charAt(0) + day.slice(1).toLowerCase();

export function NotificationPreferences() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.notification.settings.queryOptions());
  const [enabled, setEnabled] = useState(settings.notificationEnabled);
  const [threshold, setThreshold] = useState(settings.largeTransactionThreshold);
  const [quietStart, setQuietStart] = useState(settings.quietHoursStart ?? "");
  const [quietEnd, setQuietEnd] = useState(settings.quietHoursEnd ?? "");
  const [summaryTime, setSummaryTime] = useState(settings.dailySummaryTime);
  const [reportDay, setReportDay] = useState(settings.weeklyReportDay);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation(
    trpc.notification.updateSettings.mutationOptions({
      onSuccess: () => {
        setMessage({ ok: true, text: "Saved." });
        return queryClient.invalidateQueries({ queryKey: trpc.notification.settings.queryKey() });
      },
      onError: (error) => setMessage({ ok: false, text: error.message }),
    }),
  );

  function submit() {
    const parsed = updateSettingsInput.safeParse({
      notificationEnabled: enabled,
      largeTransactionThreshold: threshold,
      quietHoursStart: quietStart || null,
      quietHoursEnd: quietEnd || null,
      dailySummaryTime: summaryTime,
      weeklyReportDay: reportDay,
    });
    if (!parsed.success) return setMessage({ ok: false, text: parsed.error.issues.map((i) => i.message).join(". ") });
    save.mutate(parsed.data);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Alerts</CardTitle>
        <CardDescription>Times are in your time zone ({settings.timezone}).</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            Send alerts to Telegram and email (the history in the app is always kept)
          </label>
          <Field id="large-threshold" label={`Large transaction from (${settings.currency})`} className="sm:col-span-2">
            <Input
              id="large-threshold"
              inputMode="decimal"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          </Field>
          <Field id="quiet-start" label="Quiet hours from">
            <Input id="quiet-start" type="time" value={quietStart} onChange={(e) => setQuietStart(e.target.value)} />
          </Field>
          <Field id="quiet-end" label="until">
            <Input id="quiet-end" type="time" value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)} />
          </Field>
          <Field id="summary-time" label="Daily summary and weekly report at">
            <Input id="summary-time" type="time" value={summaryTime} onChange={(e) => setSummaryTime(e.target.value)} />
          </Field>
          <Field id="report-day" label="Weekly report on">
            <NativeSelect
              id="report-day"
              value={reportDay}
              onChange={(e) => setReportDay(e.target.value as typeof reportDay)}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {dayLabel(day)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
            {message && (
              <p
                role={message.ok ? "status" : "alert"}
                className={message.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}
              >
                {message.text}
              </p>
            )}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
