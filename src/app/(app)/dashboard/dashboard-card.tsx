import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { cn } from "~/lib/cn";

/**
 * The frame every dashboard card shares: it fills its fixed-height slot, its title and an optional
 * line under it, a control or a link onward on the right, and a body that scrolls inside the card
 * rather than pushing the page.
 */
export function DashboardCard({
  title,
  description,
  action,
  testId,
  bodyClassName,
  scrollable = true,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  testId: string;
  bodyClassName?: string;
  /** Lists scroll inside the card, so the body can take keyboard focus to be scrolled; charts fit. */
  scrollable?: boolean;
  children: ReactNode;
}) {
  return (
    <Card className="flex h-full flex-col" data-testid={testId}>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <CardTitle>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {action}
      </CardHeader>
      {scrollable ? (
        <CardContent
          role="region"
          aria-label={title}
          tabIndex={0}
          className={cn(
            "min-h-0 flex-1 overflow-y-auto rounded-b-lg outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring",
            bodyClassName,
          )}
        >
          {children}
        </CardContent>
      ) : (
        <CardContent className={cn("min-h-0 flex-1", bodyClassName)}>{children}</CardContent>
      )}
    </Card>
  );
}

export function SeeAllLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="shrink-0 text-sm text-primary underline-offset-4 hover:underline">
      {children}
    </Link>
  );
}
