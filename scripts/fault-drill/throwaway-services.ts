/**
 * A PostgreSQL cluster and a Redis server of the drill's own, on their own ports under /tmp, so
 * the drill can kill and restart them without touching the machine's shared servers.
 * Postgres refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const asPostgres = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];

function run(command: string, args: string[]) {
  const [cmd, argv] = asPostgres(command, args) as [string, string[]];
  return execFileSync(cmd, argv, { stdio: "pipe" }).toString();
}

export type ThrowawayPostgres = { url: (db: string) => string; restart: () => void; stop: () => void };

export function startPostgres(port: number): ThrowawayPostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "mt-drill-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  run(`${PG_BIN}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    run(`${PG_BIN}/pg_ctl`, ["-D", data, "-w", "-l", path.join(dir, "log"), ...args]);
  pgCtl("-o", options, "start");
  return {
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    restart: () => pgCtl("-o", options, "-m", "immediate", "restart"),
    stop: () => {
      pgCtl("-m", "immediate", "stop");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ThrowawayRedis = { url: string; restart: (downMs: number) => Promise<void>; stop: () => void };

/** With its append-only file on, as production Redis for BullMQ should be: a restart keeps the queues. */
export async function startRedis(port: number): Promise<ThrowawayRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), "mt-drill-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes"];
  args.push("--appendfsync", "always", "--maxmemory-policy", "noeviction");
  const start = async () => {
    const child = spawn("redis-server", args, { stdio: "ignore", detached: false });
    await sleep(300);
    return child;
  };
  let server = await start();
  const kill = () =>
    new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGKILL");
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async (downMs) => {
      await kill();
      await sleep(downMs);
      server = await start();
    },
    stop: () => {
      server.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
