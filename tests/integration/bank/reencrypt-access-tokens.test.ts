import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  decryptAccessToken,
  encryptAccessToken,
  keyVersionOf,
  parseKeyring,
} from "~/server/bank/crypto/access-token-cipher";
import { reencryptAccessTokens } from "~/server/bank/crypto/reencrypt-access-tokens";
import { db } from "~/server/db";
import { createTestUser } from "../factories";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const key = () => randomBytes(32).toString("base64");
const OLD = key();
const NEW = key();
const oldKeys = `1:${OLD}`;
const rotatedKeys = `1:${OLD},2:${NEW}`;

async function createConnection(userId: string, token: string, keys: string) {
  return db.bankConnection.create({
    data: {
      userId,
      provider: "plaid",
      providerItemId: `item-${randomBytes(6).toString("hex")}`,
      accessTokenEncrypted: encryptAccessToken(token, parseKeyring(keys)),
    },
    select: { id: true },
  });
}

const storedTokens = async () =>
  db.bankConnection.findMany({ select: { id: true, accessTokenEncrypted: true }, orderBy: { id: "asc" } });

describe("re-encrypting access tokens under the newest key", () => {
  it("moves every token to the newest key, keeps each one decryptable, and is idempotent", async () => {
    const user = await createTestUser(db);
    const tokens = Array.from({ length: 5 }, (_, i) => `access-sandbox-token-${i}`);
    for (const token of tokens.slice(0, 4)) await createConnection(user.id, token, oldKeys);
    await createConnection(user.id, tokens[4]!, rotatedKeys);

    const keyring = parseKeyring(rotatedKeys);
    const summary = await reencryptAccessTokens(db, keyring);
    expect(summary).toMatchObject({ keyVersion: 2, checked: 5, reencrypted: 4, alreadyCurrent: 1, failed: [] });

    const rows = await storedTokens();
    expect(rows.map((r) => keyVersionOf(r.accessTokenEncrypted))).toEqual([2, 2, 2, 2, 2]);
    expect(rows.map((r) => decryptAccessToken(r.accessTokenEncrypted, parseKeyring(`2:${NEW}`))).sort()).toEqual(
      tokens,
    );

    expect(await reencryptAccessTokens(db, keyring)).toMatchObject({ reencrypted: 0, alreadyCurrent: 5 });
  });

  it("reports a token no configured key can read, and leaves it untouched", async () => {
    const user = await createTestUser(db);
    const lost = await createConnection(user.id, "access-sandbox-lost", `7:${key()}`);
    const summary = await reencryptAccessTokens(db, parseKeyring(rotatedKeys));
    expect(summary.failed).toEqual([lost.id]);
    const row = await db.bankConnection.findUniqueOrThrow({ where: { id: lost.id } });
    expect(keyVersionOf(row.accessTokenEncrypted)).toBe(7);
  });

  it("runs as `npm run -s cli -- bank reencrypt` with ENCRYPTION_KEYS from the environment, TOTP secrets included", async () => {
    await db.bankConnection.deleteMany();
    const user = await createTestUser(db);
    await createConnection(user.id, "access-sandbox-cli", oldKeys);
    await db.user.update({
      where: { id: user.id },
      data: { totpSecretEncrypted: encryptAccessToken("JBSWY3DPEHPK3PXP", parseKeyring(oldKeys)) },
    });
    const { stdout } = await promisify(execFile)("npm", ["run", "-s", "cli", "--", "bank", "reencrypt"], {
      cwd: REPO_ROOT,
      env: { ...process.env, ENCRYPTION_KEYS: rotatedKeys },
    });
    expect(JSON.parse(stdout)).toMatchObject({ keyVersion: 2, checked: 1, reencrypted: 1, failed: [], totpSecrets: 1 });
    const [row] = await storedTokens();
    expect(decryptAccessToken(row!.accessTokenEncrypted, parseKeyring(rotatedKeys))).toBe("access-sandbox-cli");
    const { totpSecretEncrypted } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(keyVersionOf(totpSecretEncrypted!)).toBe(2);
    expect(decryptAccessToken(totpSecretEncrypted!, parseKeyring(`2:${NEW}`))).toBe("JBSWY3DPEHPK3PXP");
  });
});
