/**
 * The local stand-ins the demo needs, started as child processes: today the Plaid-compatible
 * server (when PLAID_ENV=local). Resolves once each answers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { tsxCommand } from "./node-commands";

const ROOT = path.resolve(import.meta.dirname, "..");

async function waitUntilListening(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(" ")} exited with ${child.exitCode}`);
    // Any HTTP answer (Plaid answers GET with 405) means the server is up.
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start within ${timeoutMs} ms`);
}

export async function startDemoServices(env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess[]> {
  if ((env.PLAID_ENV ?? "local") !== "local") return [];
  const url = env.PLAID_LOCAL_URL ?? "http://127.0.0.1:4010";
  const plaid = spawn(...tsxCommand("src/local-services/plaid/main.ts"), {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitUntilListening(`${url}/link/token/create`, plaid);
  return [plaid];
}
