/**
 * A split transaction in the analytics that rank or judge single charges. A merchant took the
 * whole amount, so "my biggest expense" and a merchant's usual are about whole charges; asked
 * about a category, a split charge is its part in it ("my biggest grocery expense" is the $300 of
 * groceries in a $480 Costco receipt), and a category's usual counts the parts filed under it.
 * Checked against SQL over the transactions and their parts, for two users who never see each
 * other's parts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { detectAnomalies } from "~/server/analytics/anomalies";
import { seedCategories } from "~/server/categorize/seed-categories";
import { answerQuestion } from "~/server/chat/answer-question";
import { chatContext } from "~/server/chat/chat-context";
import { runTool } from "~/server/chat/tools/tool-catalog";
import { db } from "~/server/db";
import { setSplits } from "~/server/transaction/split-transaction";
import { createTestAccount, createTestUser } from "../factories";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import {
  ORACLE_CATEGORY,
  ORACLE_CATEGORY_LINES,
  ORACLE_DETAILED,
  ORACLE_IS_SPENDING,
  oracle,
} from "../spending-oracle";
import { addDays, charge } from "./analytics-fixtures";

const MONEY = (sql: string) => `to_char(${sql}, 'FM9999999999990.00')`;
const part = (amount: string, category: string) => ({ amount, category });

async function splitCharge(
  owner: { userId: string; accountId: string },
  merchant: string,
  date: string,
  parts: { amount: string; category: string }[],
) {
  const total = parts.reduce((sum, p) => sum + BigInt(p.amount.replace(".", "")), 0n);
  const amount = `${total < 0n ? "-" : ""}${(total < 0n ? -total : total).toString().replace(/(\d\d)$/, ".$1")}`;
  const id = await charge(db, owner, merchant, amount, date, "GENERAL_MERCHANDISE");
  await setSplits(db, owner.userId, { id, parts });
  return id;
}

beforeAll(async () => {
  await seedCategories(db);
});

describe("largest expenses", () => {
  const NOW = new Date("2026-03-31T20:00:00Z");
  const MARCH = { from: "2026-03-01", to: "2026-03-31" };
  let alice: LedgerUser;
  let bob: LedgerUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    alice = await generateLedgerUser(db, {
      seed: 41,
      timezone: "America/New_York",
      from: "2025-01-01",
      to: "2026-03-31",
    });
    bob = await generateLedgerUser(db, { seed: 42, timezone: "Europe/Berlin", from: "2025-01-01", to: "2026-03-31" });
    const asOwner = (user: LedgerUser) => ({ userId: user.id, accountId: user.checking });
    ids.costco = await splitCharge(asOwner(alice), "Costco", "2026-03-10", [
      part("-300.00", "FOOD_AND_DRINK_GROCERIES"),
      part("-180.00", "HOME_IMPROVEMENT"),
    ]);
    ids.target = await splitCharge(asOwner(alice), "Target", "2026-03-12", [
      part("-40.00", "FOOD_AND_DRINK_GROCERIES"),
      part("-25.00", "FOOD_AND_DRINK_COFFEE"),
      part("-30.00", "GENERAL_MERCHANDISE"),
    ]);
    ids.refund = await splitCharge(asOwner(alice), "Costco", "2026-03-14", [
      part("35.00", "FOOD_AND_DRINK_GROCERIES"),
      part("25.00", "HOME_IMPROVEMENT"),
    ]);
    ids.bobs = await splitCharge(asOwner(bob), "Costco", "2026-03-11", [
      part("-5000.00", "FOOD_AND_DRINK_GROCERIES"),
      part("-200.00", "HOME_IMPROVEMENT"),
    ]);
  });

  /** The user's biggest charges under `category` by SQL over the transactions and their parts. */
  const expectedIn = (user: LedgerUser, category: string, limit: number) =>
    oracle<{ id: string; amount: string; category: string }>(
      db,
      `SELECT t.id::text, ${MONEY("SUM(t.amount)")} AS amount, MIN(${ORACLE_CATEGORY}) AS category
         FROM ${ORACLE_CATEGORY_LINES} t
        WHERE t.transaction_date BETWEEN $2::date AND $3::date AND ${ORACLE_IS_SPENDING} AND t.amount < 0
          AND ($4 IN (${ORACLE_CATEGORY}, ${ORACLE_DETAILED}))
     GROUP BY t.id, t.transaction_date
     ORDER BY SUM(t.amount), t.transaction_date DESC, t.id
        LIMIT ${limit}`,
      user.id,
      MARCH.from,
      MARCH.to,
      category,
    );

  it("asked for a category, a split charge is its part in it, to the cent", async () => {
    const asAlice = await chatContext(db, alice.id, NOW);
    const listed = async (category: string) =>
      (await runTool(asAlice, "largestExpenses", { ...MARCH, category, limit: 10 })).output.transactions.map(
        ({ id, amount, category }) => ({ id, amount, category }),
      );
    for (const category of ["FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES", "HOME_IMPROVEMENT", "GENERAL_MERCHANDISE"]) {
      const expected = await expectedIn(alice, category, 10);
      expect(expected.length, category).toBeGreaterThan(0);
      expect(await listed(category), category).toEqual(expected);
    }
    const food = await listed("FOOD_AND_DRINK");
    expect(food[0]).toEqual({ id: ids.costco, amount: "-300.00", category: "FOOD_AND_DRINK" });
    // Two of Target's parts are food: the charge is listed once, with both.
    expect(food.filter((e) => e.id === ids.target)).toEqual([
      { id: ids.target, amount: "-65.00", category: "FOOD_AND_DRINK" },
    ]);
    expect((await listed("FOOD_AND_DRINK_GROCERIES")).find((e) => e.id === ids.target)?.amount).toBe("-40.00");
    expect((await listed("HOME_IMPROVEMENT"))[0]).toEqual({
      id: ids.costco,
      amount: "-180.00",
      category: "HOME_IMPROVEMENT",
    });
    const merchandise = await listed("GENERAL_MERCHANDISE");
    expect(merchandise.find((e) => e.id === ids.target)?.amount).toBe("-30.00");
    // The Costco receipt has no merchandise part, though the bank filed the whole under it.
    expect(merchandise.map((e) => e.id)).not.toContain(ids.costco);
  });

  it("without a category a split charge is one charge of its whole amount, and a refund is none", async () => {
    const asAlice = await chatContext(db, alice.id, NOW);
    const { output } = await runTool(asAlice, "largestExpenses", { ...MARCH, limit: 20 });
    const expected = await oracle<{ id: string; amount: string; category: string }>(
      db,
      `SELECT t.id::text, ${MONEY("t.amount")} AS amount, ${ORACLE_CATEGORY} AS category FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date AND ${ORACLE_IS_SPENDING} AND t.amount < 0
     ORDER BY t.amount, t.transaction_date DESC, t.id LIMIT 20`,
      alice.id,
      MARCH.from,
      MARCH.to,
    );
    expect(output.transactions.map(({ id, amount, category }) => ({ id, amount, category }))).toEqual(expected);
    expect(output.transactions.find((e) => e.id === ids.costco)).toMatchObject({
      amount: "-480.00",
      spent: "480.00",
      category: "GENERAL_MERCHANDISE",
    });
    expect(output.transactions.map((e) => e.id)).not.toContain(ids.refund);
  });

  it("each user sees their own parts only, in the tool and in the offline answer", async () => {
    const asBob = await chatContext(db, bob.id, NOW);
    const bobs = await runTool(asBob, "largestExpenses", { ...MARCH, category: "FOOD_AND_DRINK", limit: 3 });
    expect(bobs.output.transactions.map(({ id, amount, category }) => ({ id, amount, category }))).toEqual(
      await expectedIn(bob, "FOOD_AND_DRINK", 3),
    );
    expect(bobs.output.transactions[0]).toMatchObject({ id: ids.bobs, spent: "5000.00" });

    const { answer, data } = await answerQuestion(
      db,
      alice.id,
      "What was my biggest expense on groceries this month?",
      {
        now: NOW,
        engine: "offline",
      },
    );
    expect(data).toMatchObject({ tool: "largestExpenses" });
    expect(String(data.link)).toContain("category=FOOD_AND_DRINK_GROCERIES");
    expect(answer).toMatch(/^Your biggest expense this month \(March 2026\) was \$300\.00 at Costco on 2026-03-10 \(/);
    expect(answer).not.toContain("5,000.00");
  });
});

describe("anomalies", () => {
  const NOW = new Date("2026-03-15T12:00:00Z");
  const WINDOW_START = "2026-02-14";
  let carol: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const user = await createTestUser(db, { timezone: "UTC" });
    carol = user.id;
    const owner = { userId: carol, accountId: (await createTestAccount(db, carol)).id };
    // The year before the window: groceries at ten shops, five visits to Whole Foods, and three
    // Costco receipts split into groceries and home improvement, plus a split refund.
    for (let i = 0; i < 10; i++)
      await charge(db, owner, `Grocer ${i}`, `-${55 + i}.00`, addDays("2026-02-01", -i * 20), "FOOD_AND_DRINK");
    for (let i = 0; i < 5; i++)
      await charge(db, owner, "Whole Foods", `-${60 + i}.00`, addDays("2026-02-05", -i * 30), "FOOD_AND_DRINK");
    for (let i = 0; i < 3; i++) {
      await splitCharge(owner, "Costco", addDays("2026-01-20", -i * 40), [
        part("-58.50", "FOOD_AND_DRINK_GROCERIES"),
        part("-91.50", "HOME_IMPROVEMENT"),
      ]);
    }
    await splitCharge(owner, "Costco", "2026-01-05", [
      part("20.00", "FOOD_AND_DRINK_GROCERIES"),
      part("20.00", "HOME_IMPROVEMENT"),
    ]);
    // The window.
    ids.costco = await splitCharge(owner, "Costco", "2026-03-10", [
      part("-300.00", "FOOD_AND_DRINK_GROCERIES"),
      part("-180.00", "HOME_IMPROVEMENT"),
    ]);
    ids.wholeFoods = await splitCharge(owner, "Whole Foods", "2026-03-11", [
      part("-130.00", "FOOD_AND_DRINK_GROCERIES"),
      part("-120.00", "HOME_IMPROVEMENT"),
    ]);
    // Another user's big grocery parts in the same year would move carol's usual if they leaked.
    const dave = await createTestUser(db, { timezone: "UTC" });
    const daves = { userId: dave.id, accountId: (await createTestAccount(db, dave.id)).id };
    for (let i = 0; i < 12; i++) {
      await splitCharge(daves, "Costco", addDays("2026-02-01", -i * 25), [
        part("-900.00", "FOOD_AND_DRINK_GROCERIES"),
        part("-10.00", "HOME_IMPROVEMENT"),
      ]);
    }
  });

  it("judges a split charge's part against its category's usual, which counts the parts filed there", async () => {
    const anomalies = await detectAnomalies(db, carol, { days: 30 }, NOW);
    // The usual: the median of the year's food charges and food parts, refunds left out.
    const [usual] = await oracle<{ median: string; n: number }>(
      db,
      `SELECT ${MONEY("percentile_disc(0.5) WITHIN GROUP (ORDER BY -t.amount)")} AS median, COUNT(*)::int AS n
         FROM ${ORACLE_CATEGORY_LINES} t
        WHERE ${ORACLE_CATEGORY} = 'FOOD_AND_DRINK' AND t.currency = 'USD' AND t.amount < 0 AND ${ORACLE_IS_SPENDING}
          AND t.transaction_date BETWEEN $2::date - 365 AND $2::date - 1`,
      carol,
      WINDOW_START,
    );
    expect(usual).toEqual({ median: "60.00", n: 18 });
    const costco = anomalies.find((a) => a.transactionId === ids.costco);
    expect(costco).toMatchObject({
      kind: "unusual_for_category",
      amount: "300.00",
      category: "FOOD_AND_DRINK",
      usual: usual!.median,
      ratio: 5,
    });
    expect(costco!.explanation).toMatch(/^5\.0× your usual .+ purchase \(usually \$60\.00\)$/);
  });

  it("judges a split charge against its merchant's usual as the whole amount the merchant took", async () => {
    const anomalies = await detectAnomalies(db, carol, { days: 30 }, NOW);
    // Whole Foods' five earlier visits: 60–64, median 62.00; 250.00 is 4.0× that.
    expect(anomalies.find((a) => a.transactionId === ids.wholeFoods)).toMatchObject({
      kind: "unusual_for_merchant",
      amount: "250.00",
      usual: "62.00",
      ratio: 4,
      category: "GENERAL_MERCHANDISE",
    });
    expect(anomalies.map((a) => a.transactionId).sort()).toEqual([ids.costco, ids.wholeFoods].sort());
  });
});
