import { reencryptAccessTokens } from "~/server/bank/crypto/reencrypt-access-tokens";
import { db } from "~/server/db";
import { reencryptTotpSecrets } from "~/server/user/totp";

const USAGE = "usage: npm run -s cli -- bank reencrypt";

/**
 * `bank reencrypt`: rewrites every stored access token under the newest ENCRYPTION_KEYS key, and
 * the two-factor secrets sealed with the same keyring, so the old key can then be dropped.
 */
export async function run(args: string[]): Promise<number> {
  if (args[0] !== "reencrypt" || args.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const summary = await reencryptAccessTokens(db);
  const totpSecrets = await reencryptTotpSecrets(db);
  console.log(JSON.stringify({ ...summary, totpSecrets }));
  if (summary.failed.length) {
    console.error(`${summary.failed.length} connection(s) hold a token no configured key can decrypt`);
    return 1;
  }
  return 0;
}
