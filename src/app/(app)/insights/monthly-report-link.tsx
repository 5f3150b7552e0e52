"use client";

import { FileDown } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";

/** Picks a month and downloads its PDF report (summary, categories, budgets, top merchants). */
export function MonthlyReportLink({ defaultMonth }: { defaultMonth: string }) {
  const [month, setMonth] = useState(defaultMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <div className="mb-6 flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-2">
        <Label htmlFor="report-month">Report month</Label>
        <Input
          id="report-month"
          type="month"
          value={month}
          max={defaultMonth}
          onChange={(e) => setMonth(e.target.value)}
          className="w-44"
        />
      </div>
      {valid ? (
        <Button asChild variant="outline">
          <a href={`/api/export/monthly-report?month=${month}`} download>
            <FileDown aria-hidden /> Download monthly report
          </a>
        </Button>
      ) : (
        <Button variant="outline" disabled>
          <FileDown aria-hidden /> Download monthly report
        </Button>
      )}
    </div>
  );
}
