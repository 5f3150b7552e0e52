/** What an ImportError says about a file (or a failure when the file was accepted). */
import { ImportError } from "~/server/import/import-error";
import { parseBankFile } from "~/server/import/parse-bank-file";
import type { ParseOptions } from "~/server/import/parsed-file";

export function rejection(file: string | Buffer, options: ParseOptions = {}): { line: number; reason: string } {
  try {
    parseBankFile(typeof file === "string" ? Buffer.from(file) : file, options);
  } catch (error) {
    if (error instanceof ImportError) return { line: error.line, reason: error.reason };
    throw error;
  }
  throw new Error("the file was accepted");
}
