"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { FormMessage, type FormNotice } from "~/components/ui/form-message";

/** Downloads the zip from POST /api/account/export (POST, so a link elsewhere cannot start it). */
export function ExportData() {
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<FormNotice>(null);

  async function download() {
    setPending(true);
    setNotice(null);
    try {
      const response = await fetch("/api/account/export", { method: "POST" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The export failed.");
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), { href: url, download: name ?? "export.zip" });
      link.click();
      URL.revokeObjectURL(url);
      setNotice({ ok: true, text: "Downloaded." });
    } catch (error) {
      setNotice({ ok: false, text: error instanceof Error ? error.message : "The export failed." });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card data-testid="export-data">
      <CardHeader>
        <CardTitle>Export your data</CardTitle>
        <CardDescription>
          A zip with everything the app holds about you: one JSON file per kind of record and your transactions as CSV.
          Passwords, tokens and bank credentials are left out.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-3">
        <Button variant="outline" onClick={download} disabled={pending}>
          <Download aria-hidden /> {pending ? "Preparing…" : "Download my data"}
        </Button>
        <FormMessage notice={notice} />
      </CardContent>
    </Card>
  );
}
