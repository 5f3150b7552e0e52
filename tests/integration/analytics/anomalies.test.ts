import { beforeAll, describe, expect, it } from "vitest";
import { detectAnomalies } from "~/server/analytics/anomalies";
import { db } from "~/server/db";
import { createTestAccount, createTestUser } from "../factories";
import { addDays, charge } from "./analytics-fixtures";

const NOW = new Date("2026-03-15T12:00:00Z");
const ids: Record<string, string> = {};
let userId: string;

beforeAll(async () => {
  const user = await createTestUser(db, { timezone: "UTC" });
  userId = user.id;
  const account = await createTestAccount(db, user.id);
  const owner = { userId: user.id, accountId: account.id };
  // A year of ordinary life before the window: groceries around 60, fuel around 45, small things around 12–25.
  const groceries = [
    "58.40",
    "62.10",
    "60.00",
    "65.30",
    "59.90",
    "61.25",
    "63.80",
    "57.10",
    "60.75",
    "62.40",
    "64.00",
    "58.90",
  ];
  for (const [i, amount] of groceries.entries()) {
    await charge(db, owner, "Whole Foods", `-${amount}`, addDays("2026-02-10", -i * 21), "FOOD_AND_DRINK");
  }
  for (let i = 0; i < 8; i++)
    await charge(db, owner, "Shell", `-${40 + i}.50`, addDays("2026-02-05", -i * 30), "TRANSPORTATION");
  for (let i = 0; i < 40; i++) {
    await charge(
      db,
      owner,
      `Shop ${i % 10}`,
      `-${12 + (i % 14)}.00`,
      addDays("2026-02-12", -i * 7),
      "GENERAL_MERCHANDISE",
    );
  }
  // The window: the last 30 days.
  ids.normal = await charge(db, owner, "Whole Foods", "-61.00", "2026-03-11", "FOOD_AND_DRINK");
  ids.big = await charge(db, owner, "Whole Foods", "-212.40", "2026-03-10", "FOOD_AND_DRINK");
  ids.newMerchant = await charge(db, owner, "Apple Store", "-899.00", "2026-03-12", "GENERAL_MERCHANDISE");
  ids.fuelFirst = await charge(db, owner, "Shell", "-45.50", "2026-03-13", "TRANSPORTATION");
  ids.fuelAgain = await charge(db, owner, "Shell", "-45.50", "2026-03-14", "TRANSPORTATION");
  ids.coffee1 = await charge(db, owner, "Shop 1", "-3.00", "2026-03-14", "FOOD_AND_DRINK");
  ids.coffee2 = await charge(db, owner, "Shop 1", "-3.00", "2026-03-14", "FOOD_AND_DRINK");
  // Income and refunds are never anomalies of spending.
  await charge(db, owner, "ACME Payroll", "9000.00", "2026-03-13", "INCOME");
  await charge(db, owner, "Whole Foods", "500.00", "2026-03-14", "FOOD_AND_DRINK");
});

describe("detectAnomalies", () => {
  it("finds exactly the unusual charges, each explained in words", async () => {
    const anomalies = await detectAnomalies(db, userId, { days: 30 }, NOW);
    expect(anomalies.map((a) => [a.kind, a.transactionId])).toEqual([
      ["duplicate_charge", ids.fuelAgain],
      ["new_merchant_large", ids.newMerchant],
      ["unusual_for_merchant", ids.big],
    ]);
    const big = anomalies.find((a) => a.transactionId === ids.big)!;
    // The usual is the median of the twelve earlier visits (lower middle: 60.75), exact.
    expect(big).toMatchObject({
      amount: "212.40",
      currency: "USD",
      usual: "60.75",
      ratio: 3.5,
      merchant: "Whole Foods",
    });
    expect(big.explanation).toBe("3.5× your usual at Whole Foods (usually $60.75)");
    const duplicate = anomalies.find((a) => a.kind === "duplicate_charge")!;
    expect(duplicate).toMatchObject({ relatedTransactionId: ids.fuelFirst, amount: "45.50" });
    expect(duplicate.explanation).toBe("Possible duplicate: $45.50 at Shell charged on 2026-03-13 and 2026-03-14");
    expect(anomalies.find((a) => a.kind === "new_merchant_large")!.explanation).toMatch(/^First charge at Apple Store/);
  });

  it("looks only at the window asked for", async () => {
    const lastThree = await detectAnomalies(db, userId, { days: 3 }, NOW);
    expect(lastThree.map((a) => a.transactionId)).toEqual([ids.fuelAgain]);
  });

  it("has nothing to say about another user", async () => {
    const stranger = await createTestUser(db);
    expect(await detectAnomalies(db, stranger.id, {}, NOW)).toEqual([]);
  });
});
