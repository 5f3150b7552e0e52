"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import Link from "next/link";
import type { FormEvent } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/form-message";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";
import { useFormat } from "~/lib/use-format";
import { apiTokenScope } from "~/server/api-tokens/api-token-schemas";

const EXPIRY_CHOICES = [
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "365", label: "1 year" },
  { days: "", label: "Never" },
];

export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: tokens } = useSuspenseQuery(trpc.security.apiTokens.list.queryOptions());
  const format = useFormat();
  const { data: twoFactor } = useSuspenseQuery(trpc.security.twoFactor.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.security.pathKey() });
  const create = useMutation(trpc.security.apiTokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.security.apiTokens.revoke.mutationOptions({ onSuccess: refresh }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = String(form.get("expires"));
    create.mutate(
      {
        name: String(form.get("name")),
        scope: apiTokenScope.parse(form.get("scope")),
        expiresInDays: days ? Number(days) : null,
        code: twoFactor.enabled ? String(form.get("code")) : undefined,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <Card className="lg:col-span-2" data-testid="api-tokens">
      <CardHeader>
        <CardTitle>API tokens</CardTitle>
        <CardDescription>
          For scripts using the{" "}
          <Link className="text-primary underline underline-offset-4" href="/api/docs">
            REST API
          </Link>
          , sent as <code className="font-mono">Authorization: Bearer …</code>. A token is shown once; revoke one you no
          longer use.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {create.data && (
          <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
            <p className="font-medium">Copy your new token now. It will not be shown again.</p>
            <code className="break-all font-mono" data-testid="new-api-token">
              {create.data.token}
            </code>
            <div>
              <Button variant="outline" size="sm" onClick={() => void navigator.clipboard.writeText(create.data.token)}>
                <Copy aria-hidden /> Copy
              </Button>
            </div>
          </div>
        )}
        {tokens.length > 0 && (
          <ul className="divide-y rounded-md border">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div>
                  <p className="flex items-center gap-2 font-medium">
                    {token.name}
                    <Badge variant={token.scope === "READ_WRITE" ? "warning" : "secondary"}>
                      {token.scope === "READ_WRITE" ? "Read and write" : "Read only"}
                    </Badge>
                  </p>
                  <p className="text-muted-foreground">
                    <code className="font-mono">{token.prefix}…</code> ·{" "}
                    {token.expiresAt ? `expires ${format.moment(token.expiresAt)}` : "never expires"} ·{" "}
                    {token.lastUsedAt ? `last used ${format.moment(token.lastUsedAt)}` : "never used"}
                  </p>
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: token.id })}
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-4">
          <Field id="token-name" label="Name" className="sm:col-span-2">
            <Input id="token-name" name="name" required maxLength={100} placeholder="Monthly report script" />
          </Field>
          <Field id="token-scope" label="Access">
            <NativeSelect id="token-scope" name="scope" defaultValue="READ">
              <option value="READ">Read only</option>
              <option value="READ_WRITE">Read and write</option>
            </NativeSelect>
          </Field>
          <Field id="token-expires" label="Expires after">
            <NativeSelect id="token-expires" name="expires" defaultValue="90">
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.label} value={choice.days}>
                  {choice.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {twoFactor.enabled && (
            <Field id="token-code" label="Authenticator code" className="sm:col-span-2">
              <Input id="token-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </Field>
          )}
          <div className="flex items-center gap-3 sm:col-span-4">
            <Button type="submit" disabled={create.isPending}>
              Create token
            </Button>
            <FormMessage
              notice={(create.error ?? revoke.error) && { ok: false, text: (create.error ?? revoke.error)!.message }}
            />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
