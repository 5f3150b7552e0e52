/**
 * The app as it runs in production, for the load and browser benches: `next start` of a
 * production build (made first when `.next` is missing or older than the sources) and the
 * worker, on a database of the bench's own, with a Redis prefix of its own, on a free port.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildIsStale } from "../scripts/build-freshness";
import { PROCESS_MEMORY_ENV, nextCommand, nextStartCommand, tsxCommand } from "../scripts/node-commands";
import { processTree } from "./process-tree";
import { freePort } from "./service-process";

const ROOT = path.resolve(import.meta.dirname, "..");
const READY_TIMEOUT_MS = 120_000;

export type AppServer = {
  url: string;
  web: ChildProcess;
  worker: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

function ensureProductionBuild(env: NodeJS.ProcessEnv, progress: (line: string) => void) {
  if (!buildIsStale() && !process.env.BENCH_REBUILD) return;
  progress("building the app (next build; a few minutes on 2 cores)…");
  const [command, args] = nextCommand("build");
  execFileSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitForReady(url: string, children: ChildProcess[], output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const exited = children.find((c) => c.exitCode !== null || c.signalCode !== null);
    if (exited) throw new Error(`${exited.spawnargs.join(" ")} exited:\n${output()}`);
    if (
      await fetch(`${url}/api/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

export async function startAppServer(
  options: { databaseUrl: string; encryptionKeys: string; plaidUrl: string },
  progress: (line: string) => void,
): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    REDIS_PREFIX: `mt_bench_${randomBytes(4).toString("hex")}`,
    APP_URL: url,
    PORT: String(port),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_KEYS: options.encryptionKeys,
    LOG_LEVEL: "warn",
    PLAID_LOCAL_URL: options.plaidUrl,
  };
  ensureProductionBuild(env, progress);
  let output = "";
  const spawnChild = ([command, args]: [string, string[]]) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...env, ...PROCESS_MEMORY_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
    child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-20_000)));
    return child;
  };
  const [node, nextArgs] = nextStartCommand("-p", String(port), "-H", "127.0.0.1");
  // For profiling: BENCH_CPU_PROFILE_DIR=<dir> writes the web process's V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const web = spawnChild([node, [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), ...nextArgs]]);
  const worker = spawnChild(tsxCommand("src/workers/index.ts"));
  const children = [web, worker];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null || child.signalCode !== null
              ? resolve(null)
              : (child.once("exit", resolve), child.kill("SIGTERM")),
          ),
      ),
    );
  };
  try {
    await waitForReady(url, children, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, web, worker, output: () => output, stop };
}

/** Resident memory of a process and every process it started (`next start` forks its server), in MB. */
export function residentMegabytes(pid: number): number {
  let kb = 0;
  for (const member of processTree(pid)) {
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return Math.round(kb / 1024);
}
