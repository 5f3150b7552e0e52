"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";
import type { ImportTarget } from "./import-types";
import { ACCEPTED, MAX_FILE_MB } from "./read-file";

const NEW = "new";

type Props = { busy: boolean; onSubmit: (file: File, target: ImportTarget) => void };

export function UploadForm({ busy, onSubmit }: Props) {
  const trpc = useTRPC();
  const { data: accounts } = useSuspenseQuery(trpc.bank.accounts.queryOptions());
  // Read when the form is sent, so a file picked while the page was still loading counts too.
  const fileInput = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState(accounts[0]?.id ?? NEW);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setProblem("Choose a file first");
    if (file.size > MAX_FILE_MB * 1024 * 1024) return setProblem(`The file is larger than ${MAX_FILE_MB} MB`);
    if (choice === NEW && !name.trim()) return setProblem("Name the new account");
    setProblem(null);
    onSubmit(file, choice === NEW ? { kind: "new", name: name.trim() } : { kind: "existing", accountId: choice });
  }

  return (
    <form onSubmit={submit} className="grid max-w-xl gap-4" aria-describedby={problem ? "upload-problem" : undefined}>
      <Field id="import-file" label="Bank file (CSV, OFX, QFX or QIF)">
        <Input
          id="import-file"
          type="file"
          accept={ACCEPTED}
          ref={fileInput}
          aria-describedby="import-file-hint"
        />
        <p id="import-file-hint" className="text-xs text-muted-foreground">
          Up to {MAX_FILE_MB} MB. The format is recognised from the content.
        </p>
      </Field>
      <Field id="import-account" label="Import into">
        <NativeSelect id="import-account" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.mask ? ` ••${a.mask}` : ""} ({a.currency})
            </option>
          ))}
          <option value={NEW}>A new account…</option>
        </NativeSelect>
      </Field>
      {choice === NEW && (
        <Field id="import-new-account" label="New account name">
          <Input id="import-new-account" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
      )}
      {problem && (
        <p id="upload-problem" role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Reading the file…" : "Preview import"}
        </Button>
      </div>
    </form>
  );
}
