/** Small builders for integration tests: real rows through the real Prisma client. */
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import { directionOf } from "~/server/transaction/money";
import { fromCalendarDate } from "~/server/time/calendar";

export async function createTestUser(db: Db, data: { timezone?: string; currency?: string } = {}) {
  return db.user.create({
    data: { email: `user-${randomUUID()}@example.com`, passwordHash: "not-used", ...data, preferences: { create: {} } },
    select: { id: true, email: true },
  });
}

export async function createTestAccount(
  db: Db,
  userId: string,
  data: { name?: string; currency?: string; currentBalance?: string } = {},
) {
  return db.bankAccount.create({
    data: {
      userId,
      name: data.name ?? "Checking",
      currency: data.currency ?? "USD",
      currentBalance: data.currentBalance,
    },
    select: { id: true },
  });
}

export async function createTestTransaction(
  db: Db,
  owner: { userId: string; accountId: string },
  data: {
    amount: string;
    date: string;
    category?: string;
    categoryDetailed?: string;
    userCategory?: string;
    currency?: string;
    description?: string;
  },
) {
  return db.transaction.create({
    data: {
      ...owner,
      providerTransactionId: randomUUID(),
      amount: data.amount,
      direction: directionOf(data.amount),
      currency: data.currency ?? "USD",
      description: data.description ?? "TEST MERCHANT",
      category: data.category,
      categoryDetailed: data.categoryDetailed,
      userCategory: data.userCategory,
      transactionDate: fromCalendarDate(data.date),
    },
    select: { id: true },
  });
}

export function callerContext(db: Db, user: { id: string; email: string } | null) {
  return {
    db,
    session: user && { user, sessionId: randomUUID() },
    headers: new Headers(),
    requestId: "test",
  };
}
