import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type LocalPlaidServer, startLocalPlaidServer } from "~/local-services/plaid/start-local-plaid-server";
import { createCaller } from "~/server/api/root";
import { connectSandboxBank } from "~/server/bank/connect-bank";
import { db } from "~/server/db";
import { closeQueues, enqueue, getQueue } from "~/server/queue/producers";
import { deleteAccount } from "~/server/user/account-deletion";
import { exportUserData } from "~/server/user/export-data";
import { removeQueuedJobs } from "~/server/user/remove-queued-jobs";
import { callerContext, createTestAccount, createTestTransaction } from "../factories";
import { PASSWORD, createUserWithPassword, device, enableTwoFactor, totpCode } from "../security/security-fixtures";

// The app's Plaid client is configured from the environment when first used; point it at a local server on a port chosen now.
const plaidPort = vi.hoisted(() => {
  const port = 42_000 + Math.floor(Math.random() * 3_000);
  process.env.PLAID_ENV = "local";
  process.env.PLAID_LOCAL_URL = `http://127.0.0.1:${port}`;
  return port;
});

let plaid: LocalPlaidServer;
beforeAll(async () => {
  plaid = await startLocalPlaidServer({ port: plaidPort, seed: "deletion", historyDays: 30, automaticWebhooks: false });
});
afterAll(async () => {
  await closeQueues();
  await plaid.close();
});

describe("export all my data", () => {
  it("zips every kind of record as JSON and transactions as CSV, without a single secret", async () => {
    const user = await createUserWithPassword(db);
    const { secret, recoveryCodes } = await enableTwoFactor(db, user);
    const account = await createTestAccount(db, user.id, { name: "Everyday" });
    await createTestTransaction(
      db,
      { userId: user.id, accountId: account.id },
      { amount: "-12.30", date: "2026-03-02", description: '=HYPERLINK("http://evil.example")' },
    );
    const { token } = await createCaller(callerContext(db, user)).security.apiTokens.create({
      name: "export test",
      scope: "READ",
      code: await totpCode(secret),
    });
    await connectSandboxBank(db, user.id, "ins_109508", null);

    const files = unzipSync(await exportUserData(db, user.id, device()));
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        "README.txt",
        "transactions.csv",
        "data/profile.json",
        "data/transactions.json",
        "data/bank-connections.json",
        "data/api-tokens.json",
        "data/audit-log.json",
      ]),
    );
    const everything = names.map((name) => strFromU8(files[name]!)).join("\n");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const connection = await db.bankConnection.findFirstOrThrow({ where: { userId: user.id } });
    const tokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    for (const secretValue of [
      stored.passwordHash!,
      stored.totpSecretEncrypted!,
      secret,
      ...recoveryCodes,
      token,
      tokenRow.tokenHash,
      connection.accessTokenEncrypted,
    ]) {
      expect(everything).not.toContain(secretValue);
    }
    const transactions = JSON.parse(strFromU8(files["data/transactions.json"]!)) as { amount: string }[];
    expect(transactions.map((t) => t.amount)).toEqual(["-12.30"]);
    const csv = strFromU8(files["transactions.csv"]!).split("\r\n");
    expect(csv[0]).toBe(
      "date,amount,currency,account,description,merchant,category,category_detailed,status,notes,tags",
    );
    expect(csv[1]).toBe(`2026-03-02,-12.30,USD,Everyday,"'=HYPERLINK(""http://evil.example"")",,,,POSTED,,`);
    expect(await db.auditLog.count({ where: { userId: user.id, action: "data.exported" } })).toBe(1);
  });
});

describe("delete my account", () => {
  it("asks for the password and the two-factor code, and deletes nothing without them", async () => {
    const user = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, user);
    const caller = createCaller(callerContext(db, user));
    await expect(caller.user.deleteAccount({ confirm: "DELETE", password: "wrong password" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.user.deleteAccount({ confirm: "DELETE", password: PASSWORD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // @ts-expect-error the confirmation word is part of the input's type
    await expect(caller.user.deleteAccount({ confirm: "yes", password: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    await caller.user.deleteAccount({ confirm: "DELETE", password: PASSWORD, code: await totpCode(secret) });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("removes the bank item at Plaid, every row, and the queued jobs; keeps the audit trail detached", async () => {
    const user = await createUserWithPassword(db);
    const { connectionId } = await connectSandboxBank(db, user.id, "ins_109508", null);
    const itemId = (await db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } })).providerItemId;
    expect(plaid.control.items().map((i) => i.itemId)).toContain(itemId);
    const account = await createTestAccount(db, user.id);
    const tx = await createTestTransaction(
      db,
      { userId: user.id, accountId: account.id },
      { amount: "-1.00", date: "2026-03-02" },
    );
    await enqueue("categorize", { userId: user.id, transactionIds: [tx.id] }, { delay: 60_000 });
    const bystander = await createUserWithPassword(db);
    const bystanderJob = await enqueue("budget-check", { userId: bystander.id }, { delay: 60_000 });

    const result = await createCaller(callerContext(db, user)).user.deleteAccount({
      confirm: "DELETE",
      password: PASSWORD,
    });

    expect(plaid.control.items().map((i) => i.itemId)).not.toContain(itemId);
    for (const count of await Promise.all([
      db.user.count({ where: { id: user.id } }),
      db.bankConnection.count({ where: { userId: user.id } }),
      db.bankAccount.count({ where: { userId: user.id } }),
      db.transaction.count({ where: { userId: user.id } }),
      db.userSession.count({ where: { userId: user.id } }),
      db.userPreferences.count({ where: { userId: user.id } }),
    ])) {
      expect(count).toBe(0);
    }
    // The initial-sync job from connecting and the categorize job are gone; another user's job is not.
    expect(result.removedJobs).toBeGreaterThanOrEqual(2);
    const remaining = await getQueue("categorize").getJobs(["delayed", "waiting"]);
    expect(remaining.some((job) => JSON.stringify(job.data).includes(user.id))).toBe(false);
    expect(await getQueue("budget-check").getJob(bystanderJob.id!)).toBeDefined();

    const kept = await db.auditLog.findMany({ where: { action: "account.deleted", userId: null } });
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(kept)).not.toContain(user.email);
  });

  it("stops, deleting nothing, when the bank provider cannot be reached", async () => {
    const user = await createUserWithPassword(db);
    const failing = { removeBankItems: () => Promise.reject(new Error("provider down")), removeQueuedJobs };
    await expect(
      deleteAccount(db, user.id, { confirm: "DELETE", password: PASSWORD }, failing, device()),
    ).rejects.toThrow("provider down");
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
