import { cn } from "~/lib/cn";
import { Button } from "./button";

/** The end of a form in a dialog: what went wrong, if anything, then Cancel and the submit button. */
export function DialogFormFooter({
  problem,
  pending,
  submitLabel,
  onCancel,
  className,
}: {
  problem: string | null;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  className?: string;
}) {
  return (
    <>
      {problem && (
        <p role="alert" className={cn("text-sm text-destructive", className)}>
          {problem}
        </p>
      )}
      <div className={cn("flex justify-end gap-2", className)}>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
