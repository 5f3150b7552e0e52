/**
 * A helper server (local Plaid, a worker) run as its own process, so its CPU is not counted
 * against what a bench measures, and stopped however the bench ends.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { tsxCommand } from "../scripts/node-commands";

const ROOT = path.resolve(import.meta.dirname, "..");
const START_TIMEOUT_MS = 90_000;

export type ServiceProcess = { output: () => string; stop: () => Promise<void> };

/** A port free right now on 127.0.0.1, for a child that must be told its port up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `file` under tsx and resolves once its output contains `readyText`. */
export async function startService(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyText: string,
): Promise<ServiceProcess> {
  const [command, commandArgs] = tsxCommand(file, ...args);
  const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes(readyText)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${file} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { output: () => output, stop };
}
