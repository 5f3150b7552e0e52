"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { NativeSelect } from "~/components/ui/native-select";
import { useTRPC } from "~/lib/trpc/react";
import { CsvMappingForm } from "./csv-mapping-form";
import type { ImportOptions, ImportTarget, UploadResult } from "./import-types";
import { PreviewTable } from "./preview-table";
import { readAsBase64 } from "./read-file";
import { UploadForm } from "./upload-form";

type Upload = { fileName: string; content: string; target: ImportTarget; options: ImportOptions };

function IndeterminateProgress({ label }: { label: string }) {
  return (
    <div role="progressbar" aria-label={label} className="h-2.5 w-full max-w-xl overflow-hidden rounded-full bg-muted">
      <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
    </div>
  );
}

function Done({ result, onAgain }: { result: UploadResult; onAgain: () => void }) {
  return (
    <section aria-labelledby="import-done" className="grid max-w-xl gap-3 rounded-lg border p-4">
      <h2 id="import-done" className="font-medium">
        Import finished
      </h2>
      <p role="status" className="text-sm">
        {result.added} transaction{result.added === 1 ? "" : "s"} added to “{result.account.name}”
        {result.account.created ? " (new account)" : ""}; {result.duplicates} duplicate
        {result.duplicates === 1 ? "" : "s"} skipped. New rows are categorized in the background.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href={`/transactions?accountId=${result.account.id}`}>View transactions</Link>
        </Button>
        <Button variant="outline" onClick={onAgain}>
          Import another file
        </Button>
      </div>
    </section>
  );
}

export function ImportView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const preview = useMutation(trpc.import.preview.mutationOptions());
  const commit = useMutation(
    trpc.import.commit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );

  const runPreview = (next: Upload) => {
    setUpload(next);
    commit.reset();
    preview.mutate(next);
  };

  async function start(file: File, target: ImportTarget) {
    try {
      setReadProblem(null);
      runPreview({ fileName: file.name, content: await readAsBase64(file), target, options: {} });
    } catch (error) {
      setReadProblem(error instanceof Error ? error.message : "Could not read the file");
    }
  }

  const again = () => {
    setUpload(null);
    preview.reset();
    commit.reset();
  };

  if (commit.data) return <Done result={commit.data} onAgain={again} />;

  const data = preview.data;
  const problem = readProblem ?? preview.error?.message ?? commit.error?.message ?? null;
  return (
    <div className="grid gap-6">
      {!data && <UploadForm busy={preview.isPending} onSubmit={start} />}
      {problem && (
        <div role="alert" className="max-w-xl rounded-lg border border-destructive/50 p-3 text-sm text-destructive">
          <p className="font-medium">The file could not be imported</p>
          <p>{problem}</p>
          {data === undefined && upload && (
            <p className="mt-1 text-muted-foreground">Nothing was written. Fix the file or choose another.</p>
          )}
        </div>
      )}
      {preview.isPending && <IndeterminateProgress label="Reading the file" />}
      {data && upload && (
        <>
          <p className="text-sm">
            <span className="font-medium">{upload.fileName}</span> →{" "}
            {upload.target.kind === "new" ? `new account “${upload.target.name}”` : "the chosen account"}{" "}
            <Button variant="link" className="h-auto p-0" onClick={again}>
              Choose another file
            </Button>
          </p>
          {data.accounts.length > 1 && data.fileAccount !== null && (
            <Field id="import-file-account" label="This file holds several accounts; import">
              <NativeSelect
                id="import-file-account"
                className="max-w-sm"
                value={data.fileAccount}
                onChange={(e) => runPreview({ ...upload, options: { ...upload.options, fileAccount: e.target.value } })}
              >
                {data.accounts.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          )}
          {data.csv && (
            <CsvMappingForm
              key={JSON.stringify(data.csv.mapping)}
              report={data.csv}
              busy={preview.isPending}
              onApply={(csv) => runPreview({ ...upload, options: { ...upload.options, csv } })}
            />
          )}
          <PreviewTable preview={data} />
          <div className="grid max-w-xl gap-2">
            <Button
              className="w-fit"
              disabled={commit.isPending || preview.isPending || data.counts.new === 0}
              onClick={() => commit.mutate(upload)}
            >
              {data.counts.new === 0
                ? "Nothing new to import"
                : `Import ${data.counts.new} transaction${data.counts.new === 1 ? "" : "s"}`}
            </Button>
            {commit.isPending && (
              <>
                <IndeterminateProgress label="Importing" />
                <p role="status" className="text-sm text-muted-foreground">
                  Writing {data.counts.new} transactions in one step; if anything fails, nothing is kept.
                </p>
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}
