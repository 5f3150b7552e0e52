import { beforeAll, describe, expect, it } from "vitest";
import { invalidateUserAnalytics, startAnalyticsEpoch } from "~/server/analytics/analytics-cache";
import { refreshInsights } from "~/server/analytics/generate-insights";
import { dismissInsight, listInsights, markInsightsViewed } from "~/server/analytics/insight-store";
import { spendingTrends } from "~/server/analytics/spending-trends";
import { topMerchants } from "~/server/analytics/top-merchants";
import { db } from "~/server/db";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { salaryAndRentUser } from "./analytics-fixtures";

const NOW = new Date("2026-03-31T20:00:00Z");
let ledger: LedgerUser;

beforeAll(async () => {
  ledger = await generateLedgerUser(db, {
    seed: 11,
    timezone: "America/Los_Angeles",
    from: "2025-01-01",
    to: "2026-03-31",
  });
});

/** A month with one trip, read once (so cached), then a cent more written behind the cache's back. */
async function cachedTripAndOneCentMore() {
  const user = await createTestUser(db, { timezone: "UTC" });
  const account = await createTestAccount(db, user.id);
  const owner = { userId: user.id, accountId: account.id };
  await createTestTransaction(db, owner, { amount: "-10.00", date: "2026-03-02", category: "TRAVEL" });
  const first = await spendingTrends(db, user.id, { months: 1 }, NOW);
  expect(first.byCategory).toEqual([
    { month: "2026-03", category: "TRAVEL", currency: "USD", spent: "10.00", count: 1 },
  ]);
  await createTestTransaction(db, owner, { amount: "-0.01", date: "2026-03-03", category: "TRAVEL" });
  expect(await spendingTrends(db, user.id, { months: 1 }, NOW)).toEqual(first);
  return {
    userId: user.id,
    travel: async () => (await spendingTrends(db, user.id, { months: 1 }, NOW)).byCategory[0],
  };
}

describe("the analytics cache", () => {
  it("serves repeated questions from Redis until the user's transactions change", async () => {
    const { userId, travel } = await cachedTripAndOneCentMore();
    await invalidateUserAnalytics(userId);
    expect(await travel()).toMatchObject({ spent: "10.01", count: 2 });
  });

  it("serves nothing computed before a deploy (db:migrate starts a new epoch)", async () => {
    const { travel } = await cachedTripAndOneCentMore();
    expect(await startAnalyticsEpoch()).toBe(true);
    expect(await travel()).toMatchObject({ spent: "10.01", count: 2 });
  });

  it("serves the chat's top merchants from Redis too, until the user's transactions change", async () => {
    const user = await createTestUser(db, { timezone: "UTC" });
    const account = await createTestAccount(db, user.id);
    const owner = { userId: user.id, accountId: account.id };
    const march = { from: "2026-03-01", to: "2026-03-31", limit: 5 };
    await createTestTransaction(db, owner, { amount: "-10.00", date: "2026-03-02", description: "BLUE BOTTLE" });
    const first = await topMerchants(db, user.id, march);
    expect(first).toMatchObject([{ merchant: "BLUE BOTTLE", spent: "10.00", count: 1 }]);

    await createTestTransaction(db, owner, { amount: "-0.01", date: "2026-03-03", description: "BLUE BOTTLE" });
    expect(await topMerchants(db, user.id, march)).toEqual(first);
    expect(await topMerchants(db, user.id, { ...march, limit: 1 })).toMatchObject([{ spent: "10.01", count: 2 }]);

    await invalidateUserAnalytics(user.id);
    expect(await topMerchants(db, user.id, march)).toMatchObject([{ spent: "10.01", count: 2 }]);
  });

  it("keeps each user's entries apart", async () => {
    const [a, b] = [await createTestUser(db), await createTestUser(db)];
    const account = await createTestAccount(db, a.id);
    await createTestTransaction(
      db,
      { userId: a.id, accountId: account.id },
      { amount: "-5.00", date: "2026-03-02", category: "TRAVEL" },
    );
    expect((await spendingTrends(db, a.id, { months: 1 }, NOW)).byCategory).toHaveLength(1);
    expect((await spendingTrends(db, b.id, { months: 1 }, NOW)).byCategory).toEqual([]);
  });
});

describe("daily insights", () => {
  it("stores the price rise and the bills due this week, once however often the job runs", async () => {
    const first = await refreshInsights(db, ledger.id, { now: NOW });
    const keys = first.created.map((i) => i.type);
    expect(keys).toContain("subscription_price_rise");
    const rise = first.created.find((i) => i.type === "subscription_price_rise")!;
    expect(rise.description).toBe("Netflix went up from $15.49 to $17.99 (+16.1%).");
    const bills = first.created.filter((i) => i.type === "upcoming_bill").map((i) => i.data.merchant);
    expect(bills).toEqual(expect.arrayContaining(["Parkside Apartments", "Netflix"]));

    const again = await refreshInsights(db, ledger.id, { now: NOW });
    expect(again.found).toBe(first.found);
    expect(again.created).toEqual([]);
    expect(await listInsights(db, ledger.id)).toHaveLength(first.created.length);
  });

  it("hands only new high-priority insights to the notifier", async () => {
    const { user } = await salaryAndRentUser(db, "50.00");
    const notified: string[] = [];
    const notify = async (insight: { type: string }) => void notified.push(insight.type);
    const now = new Date("2026-03-15T12:00:00Z");
    const run = await refreshInsights(db, user.id, { now, notify });
    expect(run.created.find((i) => i.type === "low_balance")).toMatchObject({
      priority: "HIGH",
      title: "You may run out of money before payday",
    });
    expect(notified).toEqual(["low_balance"]);
    await refreshInsights(db, user.id, { now, notify });
    expect(notified).toEqual(["low_balance"]);
  });

  it("lets the owner mark insights viewed and dismiss them, and nobody else", async () => {
    const [insight] = await listInsights(db, ledger.id);
    const stranger = await createTestUser(db);
    await expect(dismissInsight(db, stranger.id, insight!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await markInsightsViewed(db, stranger.id, [insight!.id])).toEqual({ updated: 0 });

    expect(await markInsightsViewed(db, ledger.id, [insight!.id])).toEqual({ updated: 1 });
    await dismissInsight(db, ledger.id, insight!.id);
    const visible = await listInsights(db, ledger.id);
    expect(visible.map((i) => i.id)).not.toContain(insight!.id);
    const all = await listInsights(db, ledger.id, { includeDismissed: true });
    expect(all.find((i) => i.id === insight!.id)).toMatchObject({ viewed: true, dismissed: true });
  });
});
