import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** A page that is only a message: offline, not found. Server-rendered, no data, no navigation. */
export function FullPageMessage({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <Icon className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}
