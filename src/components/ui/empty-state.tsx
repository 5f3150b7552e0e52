import type { LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/cn";

export type NextStep = { href: string; label: string };

/** What a card shows before there is anything to show: why it is empty, and what to do next. */
export function EmptyState({
  icon: Icon,
  children,
  actions = [],
  className,
}: {
  icon: LucideIcon;
  children: ReactNode;
  actions?: NextStep[];
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-3 py-6 text-center text-sm", className)}>
      <Icon className="size-8 text-muted-foreground" aria-hidden />
      <p className="max-w-xs text-muted-foreground">{children}</p>
      {actions.length > 0 && (
        <div className="flex flex-wrap justify-center gap-2">
          {actions.map((action, i) => (
            <Button key={action.href} asChild size="sm" variant={i === 0 ? "default" : "outline"}>
              <Link href={action.href}>{action.label}</Link>
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
