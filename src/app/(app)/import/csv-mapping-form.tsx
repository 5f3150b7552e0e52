"use client";

import { type ReactNode, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { NativeSelect } from "~/components/ui/native-select";
import type { CsvOverride, UploadPreview } from "./import-types";

type Mapping = NonNullable<UploadPreview["csv"]>["mapping"];

const DELIMITERS = [
  [",", "Comma ( , )"],
  [";", "Semicolon ( ; )"],
  ["\t", "Tab"],
  ["|", "Pipe ( | )"],
] as const;
const DATE_FORMATS = [
  ["YMD", "Year-month-day (2026-03-31)"],
  ["DMY", "Day/month/year (31/03/2026)"],
  ["MDY", "Month/day/year (03/31/2026)"],
] as const;
const ENCODINGS = [
  ["utf-8", "UTF-8"],
  ["windows-1252", "Latin-1 (Windows-1252)"],
  ["utf-16le", "UTF-16 LE"],
  ["utf-16be", "UTF-16 BE"],
] as const;

type Props = { report: NonNullable<UploadPreview["csv"]>; busy: boolean; onApply: (override: CsvOverride) => void };

/** The detected CSV reading, for the user to confirm or fix; what was a guess is marked. */
export function CsvMappingForm({ report, busy, onApply }: Props) {
  const [mapping, setMapping] = useState<Mapping>(report.mapping);
  const set = (patch: Partial<Mapping>) => setMapping((m) => ({ ...m, ...patch }));
  const columnOptions = report.columns.map((name, index) => (
    <option key={index} value={index}>
      {name || `Column ${index + 1}`}
    </option>
  ));
  const guessed = (what: string) => report.uncertain.includes(what);
  const select = (
    id: string,
    label: string,
    value: string | number,
    onChange: (v: string) => void,
    options: ReactNode,
  ) => (
    <Field id={id} label={label}>
      <NativeSelect
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={guessed(id.replace("csv-", "")) ? "csv-guess-note" : undefined}
      >
        {options}
      </NativeSelect>
    </Field>
  );
  const pairs = (list: readonly (readonly [string, string])[]) =>
    list.map(([value, label]) => (
      <option key={value} value={value}>
        {label}
      </option>
    ));
  const amount = mapping.amount;

  return (
    <form
      aria-labelledby="csv-mapping-title"
      className="grid gap-4 rounded-lg border p-4"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(mapping);
      }}
    >
      <div>
        <h2 id="csv-mapping-title" className="font-medium">
          How the file is read
        </h2>
        <p className="text-sm text-muted-foreground">Check the columns below against the preview; fix any and apply.</p>
        {report.uncertain.length > 0 && (
          <p id="csv-guess-note" className="mt-1 text-sm text-amber-700 dark:text-amber-400">
            Guessed, please check: {report.uncertain.join(", ")}
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {select(
          "csv-delimiter",
          "Separator",
          mapping.delimiter,
          (v) => set({ delimiter: v as Mapping["delimiter"] }),
          pairs(DELIMITERS),
        )}
        {select(
          "csv-encoding",
          "Text encoding",
          mapping.encoding,
          (v) => set({ encoding: v as Mapping["encoding"] }),
          pairs(ENCODINGS),
        )}
        {select(
          "csv-hasHeader",
          "First row",
          mapping.hasHeader ? "header" : "data",
          (v) => set({ hasHeader: v === "header" }),
          pairs([
            ["header", "Is a header with column names"],
            ["data", "Is already a transaction"],
          ]),
        )}
        {select(
          "csv-dateColumn",
          "Date column",
          mapping.dateColumn,
          (v) => set({ dateColumn: Number(v) }),
          columnOptions,
        )}
        {select(
          "csv-dateFormat",
          "Date format",
          mapping.dateFormat,
          (v) => set({ dateFormat: v as Mapping["dateFormat"] }),
          pairs(DATE_FORMATS),
        )}
        {select(
          "csv-decimalMark",
          "Decimal mark",
          mapping.decimalMark,
          (v) => set({ decimalMark: v as Mapping["decimalMark"] }),
          pairs([
            [".", "Point (1,234.56)"],
            [",", "Comma (1.234,56)"],
          ]),
        )}
        {select(
          "csv-amountColumns",
          "Amounts",
          amount.kind,
          (v) =>
            set({
              amount:
                v === "debitCredit"
                  ? { kind: "debitCredit", debitColumn: 0, creditColumn: Math.min(1, report.columns.length - 1) }
                  : {
                      kind: "signed",
                      column: amount.kind === "debitCredit" ? amount.debitColumn : amount.column,
                      negate: false,
                    },
            }),
          pairs([
            ["signed", "One column, signed (− is money out)"],
            ["debitCredit", "Money out and money in in two columns"],
            ...(amount.kind === "flag" ? ([["flag", "One column and a debit/credit marker"]] as const) : []),
          ]),
        )}
        {amount.kind === "debitCredit" ? (
          <>
            {select(
              "csv-debitColumn",
              "Money out column",
              amount.debitColumn,
              (v) => set({ amount: { ...amount, debitColumn: Number(v) } }),
              columnOptions,
            )}
            {select(
              "csv-creditColumn",
              "Money in column",
              amount.creditColumn,
              (v) => set({ amount: { ...amount, creditColumn: Number(v) } }),
              columnOptions,
            )}
          </>
        ) : (
          <>
            {select(
              "csv-amountColumn",
              "Amount column",
              amount.column,
              (v) => set({ amount: { ...amount, column: Number(v) } }),
              columnOptions,
            )}
            {amount.kind === "signed" &&
              select(
                "csv-amountSign",
                "Sign of the amounts",
                amount.negate ? "negate" : "asis",
                (v) => set({ amount: { ...amount, negate: v === "negate" } }),
                pairs([
                  ["asis", "As in the file (− is money out)"],
                  ["negate", "Reversed (charges are positive)"],
                ]),
              )}
          </>
        )}
        {select(
          "csv-descriptionColumn",
          "Description column",
          mapping.descriptionColumns[0] ?? "",
          (v) => set({ descriptionColumns: v === "" ? [] : [Number(v)] }),
          <>
            <option value="">None</option>
            {columnOptions}
          </>,
        )}
      </div>
      <div>
        <Button type="submit" variant="outline" disabled={busy}>
          Apply mapping
        </Button>
      </div>
    </form>
  );
}
