import { Skeleton } from "~/components/ui/skeleton";

/** Shown while a page's server part runs: the page's shape, so the layout does not jump. */
export default function AppLoading() {
  return (
    <div aria-busy aria-label="Loading" role="status" className="flex flex-col gap-6">
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-6 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-80 w-full" />
        ))}
        <Skeleton className="h-[24rem] w-full lg:col-span-3" />
      </div>
    </div>
  );
}
