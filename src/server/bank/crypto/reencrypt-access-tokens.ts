/**
 * Moves every stored access token to the newest key. Safe to run while the app runs: each row
 * is rewritten only if it still holds the ciphertext we read, so a token changed meanwhile
 * (a re-link) is left alone rather than overwritten; running it again finishes the job.
 */
import type { Db } from "~/server/db";
import { appKeyring, decryptAccessToken, encryptAccessToken, keyVersionOf, type Keyring } from "./access-token-cipher";

const BATCH = 200;

export interface ReencryptSummary {
  keyVersion: number;
  checked: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Rows that changed between our read and our write. */
  changedMeanwhile: number;
  /** Connection ids whose token could not be decrypted with any configured key. */
  failed: string[];
}

export async function reencryptAccessTokens(db: Db, keyring: Keyring = appKeyring()): Promise<ReencryptSummary> {
  const summary: ReencryptSummary = {
    keyVersion: keyring.current,
    checked: 0,
    reencrypted: 0,
    alreadyCurrent: 0,
    changedMeanwhile: 0,
    failed: [],
  };
  let after: string | undefined;
  for (;;) {
    const rows = await db.bankConnection.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, accessTokenEncrypted: true },
    });
    if (rows.length === 0) return summary;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      summary.checked++;
      const outcome = await reencryptOne(db, keyring, row.id, row.accessTokenEncrypted);
      if (outcome === "failed") summary.failed.push(row.id);
      else summary[outcome]++;
    }
  }
}

async function reencryptOne(
  db: Db,
  keyring: Keyring,
  id: string,
  encrypted: string,
): Promise<"reencrypted" | "alreadyCurrent" | "changedMeanwhile" | "failed"> {
  let rewritten: string;
  try {
    if (keyVersionOf(encrypted) === keyring.current) return "alreadyCurrent";
    rewritten = encryptAccessToken(decryptAccessToken(encrypted, keyring), keyring);
  } catch {
    return "failed";
  }
  const { count } = await db.bankConnection.updateMany({
    where: { id, accessTokenEncrypted: encrypted },
    data: { accessTokenEncrypted: rewritten },
  });
  return count === 1 ? "reencrypted" : "changedMeanwhile";
}
