import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function startWorkerProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", "src/workers/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const waitFor = async (text: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text)) {
      if (Date.now() > deadline) throw new Error(`worker never said "${text}":\n${output}`);
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, waitFor, exited, output: () => output };
}

describe("the worker process", () => {
  it("starts, and on SIGTERM closes its queues and connections and exits 0 well within 30 s", async () => {
    const worker = startWorkerProcess();
    await worker.waitFor("worker started");
    const stoppedAt = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
    expect(worker.output()).toContain("worker stopped");
  });

  it("says which database it cannot reach instead of printing a stack trace", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/workers/index.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nothing" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("PostgreSQL is not reachable at 127.0.0.1:1");
    expect(output).not.toMatch(/\n\s+at /);
  });
});
