import type { ComponentProps } from "react";
import { cn } from "~/lib/cn";

/** A bar for how much of something is used; `value` is a percentage and may pass 100. */
export function Progress({
  value,
  label,
  className,
  indicatorClassName,
  ...props
}: ComponentProps<"div"> & { value: number; label: string; indicatorClassName?: string }) {
  const shown = Math.min(Math.max(value, 0), 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown)}
      className={cn("h-2.5 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div
        className={cn("h-full rounded-full bg-primary transition-all", indicatorClassName)}
        style={{ width: `${shown}%` }}
      />
    </div>
  );
}
