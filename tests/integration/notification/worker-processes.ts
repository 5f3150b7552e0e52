/** Real `npm run worker` processes for tests, with this test file's database, Redis prefix and fakes. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type WorkerProcess = { child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

export async function startWorkerProcess(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/workers/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes("worker started")) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`worker did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
