import type { Db } from "~/server/db";
import { verifyPassword } from "./password";
import { signInSchema } from "./schemas";

// Verified against when the email is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$hswLoU9jqeAKXv3lvyRDWQ$3douc+PQJRqV06m67kg4Zw36wRHzCdpmpXLlnFhdcnc";

export async function authenticate(db: Db, credentials: unknown): Promise<{ id: string; email: string } | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, passwordHash: true, deletedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
  if (!user || !ok || user.deletedAt) return null;
  return { id: user.id, email: user.email };
}
