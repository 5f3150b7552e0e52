import { Download } from "lucide-react";
import { Button } from "~/components/ui/button";
import { type TransactionFilters, filtersToSearchParams } from "./filters";

/** Downloads of the list under the current filters; plain links, so the browser streams the file to disk. */
export function ExportLinks({ filters }: { filters: TransactionFilters }) {
  const href = (format: "csv" | "xlsx") => {
    const query = filtersToSearchParams(filters);
    return `/api/export/transactions?format=${format}${query ? `&${query}` : ""}`;
  };
  return (
    <>
      <Button asChild variant="outline">
        <a href={href("csv")} download>
          <Download aria-hidden /> Export CSV
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href={href("xlsx")} download>
          <Download aria-hidden /> Export Excel
        </a>
      </Button>
    </>
  );
}
