/**
 * Global setup for the browser tests: a production build, a fresh database with the demo user
 * seeded through the same path as `npm run demo`, and the real web + worker processes.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { nextCommand, tsxCommand } from "../../scripts/node-commands";
import { adminUrl, databaseUrl } from "../integration/database-urls";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    demoEmail: string;
    demoPassword: string;
    /** What a CLI command needs to act on the app's database and queues. */
    appEnv: Record<string, string>;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = 3210;
const APP_URL = `http://localhost:${PORT}`;

async function waitForReady(url: string, children: ChildProcess[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = children.find((c) => c.exitCode !== null);
    if (exited) throw new Error(`${exited.spawnargs.join(" ")} exited with ${exited.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const id = randomBytes(4).toString("hex");
  const dbName = `mt_e2e_${id}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl(dbName),
    REDIS_PREFIX: `mt_e2e_${id}`,
    APP_URL,
    PORT: String(PORT),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_KEYS: `1:${randomBytes(32).toString("base64")}`,
    LOG_LEVEL: "warn",
    PLAID_LOCAL_URL: "http://127.0.0.1:4110",
  };
  const exec = ([command, args]: [string, string[]]) =>
    execFileSync(command, args, { cwd: ROOT, env, stdio: "inherit" });

  // A fresh clone (CI) has no build; a developer's machine reuses one unless E2E_REBUILD is set.
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")) || process.env.E2E_REBUILD) exec(nextCommand("build"));

  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  exec(tsxCommand("scripts/db/migrate.ts"));

  const spawnChild = ([command, args]: [string, string[]]) =>
    spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : (child.on("exit", resolve), child.kill("SIGTERM")),
          ),
      ),
    );
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    const { startDemoServices } = await import("../../scripts/demo-services");
    children.push(...(await startDemoServices(env)));
    const seeded = JSON.parse(
      execFileSync(...tsxCommand("prisma/seed.ts", "--json"), { cwd: ROOT, env, encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1)!,
    );
    children.push(spawnChild(nextCommand("start", "-p", String(PORT))), spawnChild(tsxCommand("src/workers/index.ts")));
    await waitForReady(`${APP_URL}/api/ready`, children);
    project.provide("appUrl", APP_URL);
    project.provide("demoEmail", seeded.email);
    project.provide("demoPassword", seeded.password);
    project.provide("appEnv", {
      NODE_ENV: "production",
      DATABASE_URL: env.DATABASE_URL!,
      REDIS_PREFIX: env.REDIS_PREFIX!,
      ENCRYPTION_KEYS: env.ENCRYPTION_KEYS!,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET!,
      LOG_LEVEL: "warn",
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
