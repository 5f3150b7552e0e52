import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { syncConnection } from "~/server/bank/sync/sync-connection";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { db } from "~/server/db";
import { bankSideIds, connectTestUser, startLocalBank, storedIds } from "./local-bank";

let bank: Awaited<ReturnType<typeof startLocalBank>>;
let link: Awaited<ReturnType<typeof connectTestUser>>;
const sync = () =>
  syncConnection(db, link.connectionId, "manual", {
    source: bank.provider,
    decryptAccessToken,
    categorize: categorizeDeps(),
  });
const expectInStep = async () =>
  expect(await storedIds(db, link.user.id)).toEqual(await bankSideIds(bank.provider, link.accessToken));

beforeAll(async () => {
  bank = await startLocalBank();
  link = await connectTestUser(db, bank);
});
afterAll(() => bank.server.close());

describe("syncing a bank connection through the plaid SDK", () => {
  it("first sync stores every transaction and account, and records the run", async () => {
    const outcome = await sync();
    expect(outcome.status).toBe("synced");
    if (outcome.status !== "synced") return;
    expect(outcome.added).toBeGreaterThan(100);
    await expectInStep();
    const accounts = await db.bankAccount.findMany({ where: { userId: link.user.id }, orderBy: { type: "asc" } });
    expect(accounts.map((a) => a.type)).toEqual(["CHECKING", "SAVINGS", "CREDIT"]);
    expect(accounts.every((a) => a.currentBalance !== null)).toBe(true);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: outcome.syncRunId } });
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      added: outcome.added,
      pages: Math.ceil(outcome.added / 500) || 1,
    });
    expect(await db.bankConnection.findUniqueOrThrow({ where: { id: link.connectionId } })).toMatchObject({
      status: "ACTIVE",
      lastSyncStatus: "succeeded",
    });
  });

  it("closes a run left running by a worker that died, when the connection syncs again", async () => {
    const orphan = await db.syncRun.create({
      data: { userId: link.user.id, connectionId: link.connectionId, trigger: "webhook", pages: 2 },
    });
    const outcome = await sync();
    expect(outcome.status).toBe("synced");
    const closed = await db.syncRun.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(closed).toMatchObject({ status: "FAILED", pages: 2, error: expect.stringMatching(/^Interrupted/) });
    expect(closed.finishedAt).not.toBeNull();
    expect(await db.syncRun.count({ where: { connectionId: link.connectionId, status: "RUNNING" } })).toBe(0);
  });

  it("re-running a sync adds nothing", async () => {
    const before = await db.transaction.count({ where: { userId: link.user.id } });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "synced", added: 0, modified: 0, removed: 0 });
    expect(await db.transaction.count({ where: { userId: link.user.id } })).toBe(before);
  });

  it("an incremental sync brings only what is new", async () => {
    const added = bank.server.control.addTransactions(link.itemId, { count: 7 });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "synced", added: 7, modified: 0, removed: 0 });
    if (outcome.status === "synced") expect(outcome.newTransactionIds).toHaveLength(7);
    expect(added).toHaveLength(7);
    await expectInStep();
  });

  it("applies modified and removed transactions", async () => {
    const modified = bank.server.control.modifyTransactions(link.itemId, 3);
    const removed = bank.server.control.removeTransactions(link.itemId, 2);
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "synced", added: 0, modified: 3, removed: 2 });
    await expectInStep();
    const gone = await db.transaction.count({ where: { providerTransactionId: { in: removed } } });
    expect(gone).toBe(0);
    expect(modified).toHaveLength(3);
  });

  it("replaces a pending transaction by its posted one, keeping what the user said about it, with no duplicate or orphan", async () => {
    const pendingIds = bank.server.control.addTransactions(link.itemId, { count: 2, pending: true });
    await sync();
    const pending = await db.transaction.findMany({ where: { providerTransactionId: { in: pendingIds } } });
    expect(pending.map((t) => t.status)).toEqual(["PENDING", "PENDING"]);
    await db.transaction.update({
      where: { id: pending[0]!.id },
      data: { userCategory: "ENTERTAINMENT", notes: "movie night" },
    });

    const posted = bank.server.control
      .postPending(link.itemId)
      .filter((p) => pendingIds.includes(p.pendingTransactionId));
    await sync();
    expect(await db.transaction.count({ where: { providerTransactionId: { in: pendingIds } } })).toBe(0);
    const postedRows = await db.transaction.findMany({
      where: { providerTransactionId: { in: posted.map((p) => p.transactionId) } },
    });
    expect(postedRows).toHaveLength(2);
    expect(postedRows.every((t) => t.status === "POSTED" && t.pendingTransactionId !== null)).toBe(true);
    const carried = postedRows.find((t) => t.pendingTransactionId === pending[0]!.providerTransactionId);
    expect(carried).toMatchObject({ userCategory: "ENTERTAINMENT", notes: "movie night" });
    await expectInStep();
  });

  it("starts the pagination over when the bank changes mid-way", async () => {
    bank.server.control.addTransactions(link.itemId, { count: 3 });
    bank.server.control.injectError({ code: "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", times: 1 });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "synced", added: 3 });
    await expectInStep();
  });

  it("a failed sync writes nothing and keeps the cursor, and the next one catches up", async () => {
    const cursor = (await db.bankConnection.findUniqueOrThrow({ where: { id: link.connectionId } })).syncCursor;
    const failedRuns = () => db.syncRun.count({ where: { connectionId: link.connectionId, status: "FAILED" } });
    const failedBefore = await failedRuns();
    bank.server.control.addTransactions(link.itemId, { count: 4 });
    bank.server.control.injectError({ code: "INTERNAL_SERVER_ERROR", times: 1, path: "/transactions/sync" });
    await expect(sync()).rejects.toMatchObject({ name: "ProviderError", kind: "retry" });
    const failed = await db.bankConnection.findUniqueOrThrow({ where: { id: link.connectionId } });
    expect(failed).toMatchObject({ syncCursor: cursor, status: "ERROR" });
    expect(await failedRuns()).toBe(failedBefore + 1);
    await expect(sync()).resolves.toMatchObject({ status: "synced", added: 4 });
    await expectInStep();
  });

  it("marks the connection for re-authentication when the bank asks the user to sign in again", async () => {
    bank.server.control.requireLogin(link.itemId);
    await expect(sync()).resolves.toMatchObject({ status: "reauth-required" });
    expect(await db.bankConnection.findUniqueOrThrow({ where: { id: link.connectionId } })).toMatchObject({
      status: "REAUTH_REQUIRED",
      errorCode: "ITEM_LOGIN_REQUIRED",
    });
    bank.server.control.repairLogin(link.itemId);
    await expect(sync()).resolves.toMatchObject({ status: "synced" });
  });

  it("two syncs of one connection at once never apply the same changes twice", async () => {
    bank.server.control.addTransactions(link.itemId, { count: 5 });
    const outcomes = await Promise.allSettled([sync(), sync()]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).not.toHaveLength(0);
    await expectInStep();
    // The one that lost the race did no harm: the connection shows the winner's success, not an error.
    for (const outcome of outcomes)
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "CONFLICT" });
    expect(
      await db.bankConnection.findUniqueOrThrow({
        where: { id: link.connectionId },
        select: { status: true, errorCode: true, lastSyncStatus: true },
      }),
    ).toEqual({ status: "ACTIVE", errorCode: null, lastSyncStatus: "succeeded" });
  });
});
