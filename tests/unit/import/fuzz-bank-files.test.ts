/**
 * Seeded random damage to real bank files — truncation, flipped bytes, stray delimiters, quotes,
 * angle brackets and line breaks, deleted and repeated spans. Every damaged file is either read or
 * rejected with an ImportError naming a line inside the file; nothing else may be thrown, and no
 * single file may take long (a hang shows up as the time limit).
 */
import { describe, expect, it } from "vitest";
import { ImportError } from "~/server/import/import-error";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { listBankFiles, readBankFile } from "./bank-files";

const MUTATIONS = 2_000;
const SEED = 20_240_917;
const SLOW_MS = 2_000;

/** mulberry32: a tiny deterministic PRNG, so a failure can be replayed from its index. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [",", ";", "\t", "|", '"', "\n", "<", ">", "</STMTTRN>", "<STMTTRN>", "^\n", "!Type:Bank\n", "-", "."];

function mutate(bytes: Buffer, next: () => number): Buffer {
  const at = (n: number) => Math.floor(next() * n);
  const position = at(bytes.length + 1);
  switch (at(6)) {
    case 0:
      return bytes.subarray(0, position);
    case 1: {
      const copy = Buffer.from(bytes);
      if (copy.length) copy[Math.min(position, copy.length - 1)] = at(256);
      return copy;
    }
    case 2:
    case 3: {
      const insert = Buffer.from(INSERTS[at(INSERTS.length)]!, "latin1");
      return Buffer.concat([bytes.subarray(0, position), insert, bytes.subarray(position)]);
    }
    case 4:
      return Buffer.concat([bytes.subarray(0, position), bytes.subarray(position + 1 + at(40))]);
    default: {
      const span = bytes.subarray(position, position + 1 + at(200));
      return Buffer.concat([bytes.subarray(0, position), span, span, bytes.subarray(position)]);
    }
  }
}

describe("damaged bank files", () => {
  const sources = listBankFiles()
    .map((file) => ({ file, bytes: readBankFile(file) }))
    .filter(({ bytes }) => bytes.length > 0 && bytes.length < 64 * 1024);

  it(`${MUTATIONS} seeded mutations are each read or rejected with a line number`, { timeout: 180_000 }, () => {
    const next = random(SEED);
    const failures: string[] = [];
    let rejected = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const { file, bytes } = sources[Math.floor(next() * sources.length)]!;
      const damaged = mutate(bytes, next);
      const lines = damaged.toString("latin1").split(/\r\n|\r|\n/).length;
      const started = performance.now();
      try {
        parseBankFile(damaged, { fileName: file.split("/").pop() });
      } catch (error) {
        if (!(error instanceof ImportError)) failures.push(`#${i} ${file}: ${String(error)}`);
        else if (error.line < 1 || error.line > lines) failures.push(`#${i} ${file}: line ${error.line} of ${lines}`);
        else rejected++;
      }
      const took = performance.now() - started;
      if (took > SLOW_MS) failures.push(`#${i} ${file}: took ${Math.round(took)} ms`);
    }
    expect(failures).toEqual([]);
    // The mutations must actually break files, or the test proves nothing.
    expect(rejected).toBeGreaterThan(MUTATIONS / 10);
  });
});
