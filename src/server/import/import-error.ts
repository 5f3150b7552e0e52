import { AppError } from "~/server/errors";

/**
 * A bank file that cannot be read. It always names the line (1-based, in the decoded text) where the
 * problem is, so the user can open the file and see it; the whole file is rejected, nothing is written.
 * It is an AppError (INVALID_INPUT), so routers answer it like any other bad input.
 */
export class ImportError extends AppError {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super("INVALID_INPUT", `Line ${line}: ${reason}`, { line, reason });
    this.name = "ImportError";
  }
}

/** Shortens a cell for an error message: enough to recognise it, never a whole line of data. */
export function quote(value: string): string {
  const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(text);
}
