/**
 * Prisma's schema engine, run from its WebAssembly build so that migrations need no
 * downloaded binary (see docs/adr/0002-migrations-without-binaries.md).
 */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

type Bindings = typeof SchemaEngineWasm;
type Engine = Awaited<ReturnType<Bindings["SchemaEngine"]["new"]>>;

let bindings: Promise<Bindings> | undefined;

function loadBindings() {
  bindings ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The .wasm is not in the package's exports map; it sits next to the resolved JS glue.
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

/** PrismaPg that remembers its pools: engine.free() does not close them, and an open pool keeps the database busy. */
class ClosablePg extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];
  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    return adapter;
  }
  async close() {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }
}

async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaText: string | undefined,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const text = schemaText ?? (await readFile(SCHEMA_PATH, "utf8"));
  const pg = new ClosablePg({ connectionString: databaseUrl });
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", text]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(pg),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pg.close();
  }
}

export async function listMigrations() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** SQL that turns a database built from `from` (null: empty) into one built from `to`. */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withSchemaEngine(databaseUrl, to, async (engine) => {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  });
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await listMigrations();
  return withSchemaEngine(databaseUrl, undefined, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } });
    return result.appliedMigrationNames;
  });
}
