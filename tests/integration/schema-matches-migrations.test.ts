import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH, diffSchemas } from "../../scripts/db/schema-engine";
import { adminUrl, databaseUrl } from "./database-urls";

function dumpSchema(url: string): string {
  const dump = execFileSync(
    "pg_dump",
    ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=_prisma_migrations", url],
    {
      encoding: "utf8",
    },
  );
  return (
    dump
      .split("\n")
      .filter((line) => !line.startsWith("--") && !line.startsWith("\\") && line.trim() !== "")
      // A column's statistics target tunes the planner's estimates, a table's autovacuum settings
      // tune vacuum; Prisma's schema can say neither.
      .filter((line) => !/ ALTER COLUMN \w+ SET STATISTICS \d+;$/.test(line))
      .join("\n")
      .replace(/\)\nWITH \(autovacuum_[^)]*\);/g, ");")
  );
}

describe("database schema", () => {
  it("built by the migrations is the one prisma/schema.prisma describes", async () => {
    const fresh = `mt_test_fromschema_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${fresh}`);
    try {
      const sql = await diffSchemas(databaseUrl(fresh), null, await readFile(SCHEMA_PATH, "utf8"));
      const client = new pg.Client({ connectionString: databaseUrl(fresh) });
      await client.connect();
      await client.query(sql);
      await client.end();
      expect(dumpSchema(process.env.DATABASE_URL!)).toEqual(dumpSchema(databaseUrl(fresh)));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
      await admin.end();
    }
  });
});
