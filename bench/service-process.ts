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

function listenable(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

const handedOut = new Set<number>();

/**
 * A port free right now on 127.0.0.1, for a child that must be told its port up front: any the
 * system picks, or on a machine shared by several people the first free one of theirs in
 * `BENCH_PORTS` ("4400-4499"), never one already handed out by this process.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
  if (!range) {
    const port = await listenable(0);
    if (port === null) throw new Error("no free port on 127.0.0.1");
    return port;
  }
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (handedOut.has(port) || (await listenable(port)) === null) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
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
