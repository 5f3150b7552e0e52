import type { ReactNode } from "react";
import { cn } from "~/lib/cn";
import { Label } from "./label";

/** A label above its control, the pair every form here is built from. */
export function Field({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}
