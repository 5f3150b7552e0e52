/**
 * Commands as direct `node` invocations. Going through `npx` would put a second process in
 * between, and stopping npx leaves its child running (holding ports for the next run).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A TypeScript entry point run through tsx. */
export const tsxCommand = (file: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ["--import", "tsx", file, ...args],
];

/** The Next.js CLI (`next build`, `next start`, `next dev`). */
export const nextCommand = (...args: string[]): [string, string[]] => [
  process.execPath,
  [require.resolve("next/dist/bin/next"), ...args],
];

/**
 * The environment of the long-running processes, web and worker (also in the Dockerfile;
 * docs/DEPLOY.md says why). glibc gives threads malloc arenas of their own and keeps what was freed
 * in them: after V8's compiler and GC threads had worked, ≈ 100 MB of the web process's resident
 * memory and ≈ 85 MB of the worker's were such arenas, nearly all of it free. Two arenas return
 * most of it (docs/BENCHMARKS.md, memory).
 */
export const PROCESS_MEMORY_ENV = { MALLOC_ARENA_MAX: "2" } as const;

/**
 * V8 sizes its old-space growth by the heap ceiling: with the default (4 GB on this 24 GB machine)
 * it let the web process's heap reach twice its live size before collecting, past the 512 MiB
 * limit of deploy/k8s/web.yaml. 384 MB leaves room in that limit for the young generation, code
 * and native memory, and is three times the live heap the load bench leaves.
 */
export const WEB_HEAP_FLAGS = ["--max-old-space-size=384"] as const;

/** `next start` with the production heap ceiling. */
export const nextStartCommand = (...args: string[]): [string, string[]] => {
  const [node, nextArgs] = nextCommand("start", ...args);
  return [node, [...WEB_HEAP_FLAGS, ...nextArgs]];
};
