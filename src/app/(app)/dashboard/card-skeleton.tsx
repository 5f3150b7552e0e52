import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";

/** Same title and size as the card it stands for, so nothing moves when the data arrives. */
export function CardSkeleton({ title, className }: { title: string; className?: string }) {
  return (
    <Card className={cn("flex flex-col", className)} aria-busy>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex min-h-0 flex-1 flex-col gap-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
        <Skeleton className="min-h-6 w-full flex-1" />
      </CardContent>
    </Card>
  );
}
