/** Whether `.next` holds a production build of the current sources. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no build, or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestMtime(path.join(ROOT, "src"));
}
