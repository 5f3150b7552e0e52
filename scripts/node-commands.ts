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
