import { cn } from "~/lib/cn";

export type FormNotice = { ok: boolean; text: string } | null;

/** The line under a form: a polite status when it worked, an alert when it did not. */
export function FormMessage({ notice, className }: { notice: FormNotice; className?: string }) {
  if (!notice) return null;
  return (
    <p
      role={notice.ok ? "status" : "alert"}
      className={cn("text-sm", notice.ok ? "text-muted-foreground" : "text-destructive", className)}
    >
      {notice.text}
    </p>
  );
}
