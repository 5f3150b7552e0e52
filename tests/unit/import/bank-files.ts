/** Real bank exports from shared/data/bank-files (see shared/data/README.md for their sources and licenses). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const BANK_FILES = path.resolve(REPO_ROOT, "../shared/data/bank-files");

export function readBankFile(relative: string): Buffer {
  return readFileSync(path.join(BANK_FILES, relative));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every file under bank-files/, as paths relative to it, sorted. */
export function listBankFiles(): string[] {
  return walk(BANK_FILES)
    .map((full) => path.relative(BANK_FILES, full))
    .sort();
}
