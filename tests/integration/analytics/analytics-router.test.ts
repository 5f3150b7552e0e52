import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { appendMessages, ensureConversation } from "~/server/chat/conversations";
import { db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
const as = (user: { id: string; email: string } | null) => createCaller(callerContext(db, user));

beforeAll(async () => {
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  const account = await createTestAccount(db, alice.id, { currentBalance: "100.00" });
  const today = new Date().toISOString().slice(0, 10);
  await createTestTransaction(
    db,
    { userId: alice.id, accountId: account.id },
    { amount: "-7.25", date: today, category: "TRAVEL" },
  );
});

describe("analytics router", () => {
  it("serves the signed-in user's trends, forecast, anomalies and recurring series", async () => {
    const trends = await as(alice).analytics.spendingTrends({ months: 1 });
    expect(trends.byCategory).toEqual([expect.objectContaining({ category: "TRAVEL", spent: "7.25" })]);
    expect((await as(bob).analytics.spendingTrends({ months: 1 })).byCategory).toEqual([]);
    expect((await as(alice).analytics.forecast({ days: 30 })).currencies[0]).toMatchObject({ startBalance: "100.00" });
    expect(await as(alice).analytics.anomalies()).toEqual([]);
    expect(await as(alice).analytics.recurring()).toEqual([]);
    expect((await as(alice).analytics.netWorth({ months: 2 })).points.at(-1)).toMatchObject({ netWorth: "100.00" });
  });

  it("validates input and refuses strangers", async () => {
    await expect(as(alice).analytics.forecast({ days: 45 as 30 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(null).analytics.insights()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets only the owner see and dismiss an insight", async () => {
    const insight = await db.insight.create({
      data: { userId: alice.id, insightType: "upcoming_bill", dedupeKey: "k", title: "Rent due", description: "…" },
    });
    expect((await as(bob).analytics.insights()).map((i) => i.id)).toEqual([]);
    await expect(as(bob).analytics.dismissInsight({ id: insight.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as(alice).analytics.dismissInsight({ id: insight.id });
    expect(await as(alice).analytics.insights()).toEqual([]);
  });
});

describe("chat router", () => {
  it("lists, opens and deletes the user's own conversations only", async () => {
    const id = randomUUID();
    await ensureConversation(db, alice.id, id, "What did I spend on travel?");
    await appendMessages(db, id, [
      { id: randomUUID(), role: "user", parts: [{ type: "text", text: "What did I spend on travel?" }] },
    ]);
    expect(await as(alice).chat.conversations()).toEqual([
      expect.objectContaining({ id, title: "What did I spend on travel?" }),
    ]);
    expect(await as(bob).chat.conversations()).toEqual([]);
    await expect(as(bob).chat.conversation({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(bob).chat.deleteConversation({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(alice).chat.conversation({ id })).messages).toHaveLength(1);
    await as(alice).chat.deleteConversation({ id });
    expect(await as(alice).chat.conversations()).toEqual([]);
  });
});
