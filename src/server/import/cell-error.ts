import { ImportError } from "./import-error";

/** A single value that cannot be read; the caller knows the line and turns it into an ImportError. */
export class CellError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "CellError";
  }
}

/** Runs a cell reader, naming `line` when it fails. */
export function atLine<T>(line: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CellError) throw new ImportError(line, error.reason);
    throw error;
  }
}
