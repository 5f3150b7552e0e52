"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/lib/trpc/react";
import { RecoveryCodes } from "./recovery-codes";

export function TwoFactorSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: status } = useSuspenseQuery(trpc.security.twoFactor.status.queryOptions());
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.security.pathKey() });

  return (
    <Card data-testid="two-factor-settings">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Two-factor authentication
          {status.enabled ? <Badge variant="secondary">On</Badge> : <Badge variant="outline">Off</Badge>}
        </CardTitle>
        <CardDescription>
          A six-digit code from an authenticator app (1Password, Aegis, Google Authenticator…) at every sign-in, with
          Google too, and before creating API tokens.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {freshCodes && <RecoveryCodes codes={freshCodes} onDone={() => setFreshCodes(null)} />}
        {status.enabled ? (
          <EnabledActions recoveryCodesLeft={status.recoveryCodesLeft} onCodes={setFreshCodes} onChange={refresh} />
        ) : (
          !freshCodes && <Enrollment onCodes={setFreshCodes} onChange={refresh} />
        )}
      </CardContent>
    </Card>
  );
}

function Enrollment({ onCodes, onChange }: { onCodes: (codes: string[]) => void; onChange: () => unknown }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.security.twoFactor.startEnrollment.mutationOptions());
  const confirm = useMutation(
    trpc.security.twoFactor.confirmEnrollment.mutationOptions({
      onSuccess: ({ recoveryCodes }) => {
        onCodes(recoveryCodes);
        return onChange();
      },
    }),
  );
  if (!start.data) {
    return (
      <div className="flex flex-col gap-2">
        <div>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            Set up two-factor
          </Button>
        </div>
        <FormMessage notice={start.error && { ok: false, text: start.error.message }} />
      </div>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate({ code: String(new FormData(event.currentTarget).get("code")) });
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <p className="text-sm">Scan this code with your authenticator app, then enter the six digits it shows.</p>
      {/* A data: URL made on the server from the otpauth link; the CSP allows data: images for this. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={start.data.qrDataUrl}
        alt="QR code for your authenticator app"
        width={220}
        height={220}
        className="rounded-md bg-white p-2"
      />
      <p className="text-xs text-muted-foreground">
        Cannot scan? Enter this key by hand: <code className="break-all font-mono">{start.data.secret}</code>
      </p>
      <Field id="enroll-code" label="Six-digit code">
        <Input id="enroll-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={confirm.isPending}>
          Turn on
        </Button>
        <FormMessage notice={confirm.error && { ok: false, text: confirm.error.message }} />
      </div>
    </form>
  );
}

function EnabledActions({
  recoveryCodesLeft,
  onCodes,
  onChange,
}: {
  recoveryCodesLeft: number;
  onCodes: (codes: string[]) => void;
  onChange: () => unknown;
}) {
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const regenerate = useMutation(
    trpc.security.twoFactor.regenerateRecoveryCodes.mutationOptions({
      onSuccess: ({ recoveryCodes }) => {
        setCode("");
        onCodes(recoveryCodes);
        return onChange();
      },
    }),
  );
  const disable = useMutation(trpc.security.twoFactor.disable.mutationOptions({ onSuccess: () => onChange() }));
  const error = regenerate.error ?? disable.error;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        {recoveryCodesLeft} of 10 recovery codes left. {recoveryCodesLeft <= 3 && "Make new ones before you run out."}
      </p>
      <Field id="manage-code" label="A current code (or a recovery code) to make changes">
        <Input
          id="manage-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          className="max-w-56"
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={!code || regenerate.isPending} onClick={() => regenerate.mutate({ code })}>
          New recovery codes
        </Button>
        <Button variant="destructive" disabled={!code || disable.isPending} onClick={() => disable.mutate({ code })}>
          Turn off two-factor
        </Button>
      </div>
      <FormMessage notice={error && { ok: false, text: error.message }} />
    </div>
  );
}
