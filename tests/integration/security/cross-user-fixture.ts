/**
 * Alice owns one of everything; Bob owns almost nothing. Every value Alice typed carries MARKER,
 * so a leak shows up in any serialized result. `aliceSnapshot` reads all of Alice's rows, so any
 * write that reached her data shows up as a difference.
 */
import { randomUUID } from "node:crypto";
import { createCaller } from "~/server/api/root";
import { openUserSession } from "~/server/auth/user-sessions";
import { encryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import { seedCategories } from "~/server/categorize/seed-categories";
import type { Db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

export const MARKER = "ALICE-c0ffee";

export type Alice = Awaited<ReturnType<typeof createAlice>>;
export type Bob = Awaited<ReturnType<typeof createBob>>;

export async function createAlice(db: Db) {
  // The standard taxonomy, as a real install has it; rules and recategorizing check slugs against it.
  await seedCategories(db);
  const user = await createTestUser(db);
  const as = createCaller(callerContext(db, user));
  const connection = await db.bankConnection.create({
    data: {
      userId: user.id,
      provider: "plaid",
      providerItemId: `item-${randomUUID()}`,
      accessTokenEncrypted: encryptAccessToken(`access-local-${randomUUID()}`),
      institutionName: `${MARKER} Bank`,
    },
  });
  const account = await createTestAccount(db, user.id, { name: `${MARKER} Checking`, currentBalance: "1234.56" });
  await db.bankAccount.update({ where: { id: account.id }, data: { connectionId: connection.id } });
  await db.category.create({
    data: { userId: user.id, slug: "alice-only", primary: "FOOD_AND_DRINK", label: `${MARKER} category` },
  });
  const tx = await createTestTransaction(
    db,
    { userId: user.id, accountId: account.id },
    { amount: "-42.00", date: "2026-03-02", category: "FOOD_AND_DRINK", description: `${MARKER} CAFE` },
  );
  await db.transaction.update({
    where: { id: tx.id },
    data: { merchantName: `${MARKER} Cafe`, merchantKey: "alice cafe" },
  });
  await as.transaction.setNotes({ id: tx.id, notes: `${MARKER} note`, tags: ["alice"] });
  const rule = await as.rules.create({
    name: `${MARKER} rule`,
    enabled: true,
    conditions: { match: "all", conditions: [{ field: "description", operator: "contains", value: MARKER }] },
    actions: { setCategory: "FOOD_AND_DRINK" },
  });
  const budget = await as.budget.create({
    name: `${MARKER} budget`,
    category: null,
    amount: "100.00",
    period: "MONTHLY",
    startDate: "2026-01-01",
  });
  const goal = await as.goal.create({ name: `${MARKER} goal`, targetAmount: "500.00" });
  await as.goal.contribute({ goalId: goal.id, amount: "10.00", date: "2026-03-01" });
  const contribution = await db.goalContribution.findFirstOrThrow({ where: { goalId: goal.id } });
  const notification = await db.notification.create({
    data: {
      userId: user.id,
      type: "large_transaction",
      channel: "IN_APP",
      dedupeKey: `alice-${randomUUID()}`,
      title: `${MARKER} alert`,
      message: `${MARKER} spent a lot`,
    },
  });
  const insight = await db.insight.create({
    data: {
      userId: user.id,
      insightType: "spending_spike",
      dedupeKey: `alice-${randomUUID()}`,
      title: `${MARKER} insight`,
      description: `${MARKER} spent more on coffee`,
    },
  });
  const conversation = await db.conversation.create({
    data: {
      userId: user.id,
      title: `${MARKER} chat`,
      messages: { create: { role: "user", parts: [{ type: "text", text: `${MARKER} how much on coffee?` }] } },
    },
  });
  const sessionId = await openUserSession(db, user.id, { userAgent: MARKER, ipAddress: "198.51.100.77" });
  const token = await as.security.apiTokens.create({ name: `${MARKER} token`, scope: "READ_WRITE" });
  const audit = await db.auditLog.findFirstOrThrow({ where: { userId: user.id } });
  return {
    user,
    accountId: account.id,
    connectionId: connection.id,
    transactionId: tx.id,
    ruleId: rule.id,
    budgetId: budget.id,
    goalId: goal.id,
    contributionId: contribution.id,
    notificationId: notification.id,
    insightId: insight.id,
    conversationId: conversation.id,
    sessionId,
    tokenId: token.id,
    token: token.token,
    auditId: audit.id,
  };
}

export async function createBob(db: Db) {
  const user = await createTestUser(db);
  const account = await createTestAccount(db, user.id, { name: "Bob Checking" });
  const token = await createCaller(callerContext(db, user)).security.apiTokens.create({
    name: "bob",
    scope: "READ_WRITE",
  });
  return { user, accountId: account.id, token: token.token };
}

/** Values from Alice that must never appear in anything Bob receives. */
export function aliceSecrets(alice: Alice): string[] {
  const { user, token, ...ids } = alice;
  // Alice's transaction amount and balance: sums and balances leak as numbers, not as text.
  const amounts = ["42.00", "1234.56"];
  return [
    MARKER,
    user.email,
    token,
    ...amounts,
    ...Object.values(ids).filter((v): v is string => typeof v === "string"),
  ];
}

export async function aliceSnapshot(db: Db, alice: Alice): Promise<string> {
  const own = { where: { userId: alice.user.id } };
  const rows = await Promise.all([
    db.user.findUnique({ where: { id: alice.user.id }, omit: { updatedAt: true } }),
    db.userPreferences.findUnique({ where: { userId: alice.user.id } }),
    db.bankConnection.findMany({ ...own, omit: { updatedAt: true } }),
    db.bankAccount.findMany({ ...own, omit: { updatedAt: true } }),
    db.transaction.findMany({ ...own, omit: { updatedAt: true } }),
    db.category.findMany(own),
    db.userMerchantCategory.findMany({ ...own, omit: { updatedAt: true } }),
    db.categorizationRule.findMany({ ...own, omit: { updatedAt: true } }),
    db.budget.findMany({ ...own, omit: { updatedAt: true } }),
    db.savingsGoal.findMany({ ...own, omit: { updatedAt: true }, include: { contributions: true } }),
    db.notification.findMany(own),
    db.notificationRule.findMany(own),
    db.userSession.findMany({ ...own, omit: { lastUsedAt: true } }),
    db.apiToken.findMany({ ...own, omit: { lastUsedAt: true } }),
    db.recoveryCode.findMany(own),
    db.authAccount.findMany(own),
    db.insight.findMany(own),
    db.conversation.findMany({ ...own, omit: { updatedAt: true }, include: { messages: true } }),
  ]);
  return JSON.stringify(rows);
}
