/**
 * The trigram indexes cost most of a bulk write into `transactions` (docs/BENCHMARKS.md): a bench
 * that loads a large data set drops them, loads, and builds them once afterwards, which ends in
 * the same state faster. Each side gets its own connection, so none sits idle through a long load.
 */
import pg from "pg";
import { withClient } from "./bench-database";

export async function withoutTrigramIndexes(url: string, load: () => Promise<void>) {
  const trigram = await withClient(url, async (client) => {
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'transactions' AND indexdef LIKE '%gin_trgm_ops%'",
    );
    for (const index of rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);
    return rows;
  });
  await load();
  await withClient(url, async (client) => {
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const index of trigram) await client.query(index.indexdef);
    await client.query("VACUUM ANALYZE transactions");
  });
}
