import { Badge } from "~/components/ui/badge";
import type { Formatters } from "~/lib/format";
import { useFormat } from "~/lib/use-format";
import type { PreviewRow, UploadPreview } from "./import-types";

function whyDuplicate(duplicate: NonNullable<PreviewRow["duplicate"]>, format: Formatters): string {
  switch (duplicate.reason) {
    case "already-imported":
      return "Already imported (same bank id or same row in an earlier file)";
    case "repeated-in-file":
      return `Repeats line ${duplicate.line} of this file`;
    case "matches-existing":
      return `Matches “${duplicate.existingDescription}” on ${format.fullDay(duplicate.existingDate)}${duplicate.daysApart ? ` (${duplicate.daysApart} days apart)` : ""}`;
    default: {
      const unknown: never = duplicate;
      return String(unknown);
    }
  }
}

function RowsTable({ caption, rows }: { caption: string; rows: PreviewRow[] }) {
  const format = useFormat();
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-sm">
        <caption className="p-2 text-left text-sm font-medium">{caption}</caption>
        <thead className="bg-muted/50 text-left text-xs uppercase text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">
              Line
            </th>
            <th scope="col" className="px-3 py-2">
              Date
            </th>
            <th scope="col" className="px-3 py-2">
              Description
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Amount
            </th>
            <th scope="col" className="px-3 py-2">
              Will be
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className="border-t">
              <td className="px-3 py-2 tabular-nums text-muted-foreground">{row.line}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{format.fullDay(row.date)}</td>
              <td className="px-3 py-2">
                {row.payee && row.payee !== row.description ? `${row.payee} — ${row.description}` : row.description}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                {format.money(row.amount, row.currency)}
              </td>
              <td className="px-3 py-2">
                {row.duplicate ? (
                  <span className="flex flex-col gap-1">
                    <Badge variant="secondary" className="w-fit">
                      Skipped: duplicate
                    </Badge>
                    <span className="text-xs text-muted-foreground">{whyDuplicate(row.duplicate, format)}</span>
                  </span>
                ) : (
                  <Badge className="w-fit">Added</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the import will do: counts for the whole file, the first rows, and every duplicate with its reason. */
export function PreviewTable({ preview }: { preview: UploadPreview }) {
  const { counts } = preview;
  return (
    <section aria-labelledby="preview-title" className="grid gap-4">
      <h2 id="preview-title" className="font-medium">
        Preview: {counts.new} to add, {counts.duplicate} duplicate{counts.duplicate === 1 ? "" : "s"} skipped
      </h2>
      <p className="text-sm text-muted-foreground">
        {preview.format.toUpperCase()} file, {counts.total} transactions
        {preview.skipped.length > 0 &&
          `; ${preview.skipped.length} lines are not transactions (${preview.skipped
            .slice(0, 3)
            .map((s) => `line ${s.line}: ${s.reason}`)
            .join("; ")}${preview.skipped.length > 3 ? "; …" : ""})`}
        .
      </p>
      {preview.rows.length > 0 && (
        <RowsTable
          caption={
            preview.rows.length < counts.total
              ? `The first ${preview.rows.length} of ${counts.total} rows`
              : "Every row"
          }
          rows={preview.rows}
        />
      )}
      {preview.duplicates.length > 0 && preview.rows.length < counts.total && (
        <RowsTable caption="Duplicates and why" rows={preview.duplicates} />
      )}
    </section>
  );
}
