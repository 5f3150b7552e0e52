"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";

const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "NZD", "INR"];

export function ProfileSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const currencies = COMMON_CURRENCIES.includes(me.currency) ? COMMON_CURRENCIES : [me.currency, ...COMMON_CURRENCIES];
  const [notice, setNotice] = useState<FormNotice>(null);
  const save = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: () => {
        setNotice({ ok: true, text: "Saved." });
        // The layout passes the locale and time zone to every formatter: render it again with the new ones.
        router.refresh();
        return queryClient.invalidateQueries();
      },
      onError: (error) => setNotice({ ok: false, text: error.message }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      fullName: String(form.get("fullName") ?? "") || null,
      timezone: String(form.get("timezone")),
      currency: String(form.get("currency")),
      locale: String(form.get("locale")),
    });
  }

  return (
    <Card data-testid="profile-settings">
      <CardHeader>
        <CardTitle>Profile</CardTitle>
        <CardDescription>
          &ldquo;This month&rdquo; and daily summaries follow your time zone; totals are shown in your currency.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <EmailStatus email={me.email} verified={Boolean(me.emailVerified)} />
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
          <Field id="fullName" label="Name" className="sm:col-span-2">
            <Input id="fullName" name="fullName" defaultValue={me.fullName ?? ""} autoComplete="name" maxLength={255} />
          </Field>
          <Field id="timezone" label="Time zone">
            <NativeSelect id="timezone" name="timezone" defaultValue={me.timezone}>
              {(zones.includes(me.timezone) ? zones : [me.timezone, ...zones]).map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="currency" label="Currency">
            <NativeSelect id="currency" name="currency" defaultValue={me.currency}>
              {currencies.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="locale" label="Number and date format">
            <NativeSelect id="locale" name="locale" defaultValue={me.locale}>
              {["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "sv-SE", "pl-PL", "ja-JP"].map((l) => (
                <option key={l}>{l}</option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
            <FormMessage notice={notice} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const trpc = useTRPC();
  const [notice, setNotice] = useState<FormNotice>(null);
  const send = useMutation(
    trpc.user.sendVerificationEmail.mutationOptions({
      onSuccess: () => setNotice({ ok: true, text: `A confirmation link is on its way to ${email}.` }),
      onError: (error) => setNotice({ ok: false, text: error.message }),
    }),
  );
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="flex items-center gap-2">
        <span className="text-muted-foreground">Email</span> <span className="font-medium">{email}</span>
        {verified ? <Badge variant="secondary">Confirmed</Badge> : <Badge variant="warning">Not confirmed</Badge>}
      </p>
      {!verified && (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="outline" size="sm" onClick={() => send.mutate()} disabled={send.isPending}>
            Send confirmation link
          </Button>
          <FormMessage notice={notice} />
        </div>
      )}
    </div>
  );
}
