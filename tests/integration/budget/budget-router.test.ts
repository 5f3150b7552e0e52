import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { monthOf, todayIn } from "~/server/time/calendar";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
const asAlice = () => createCaller(callerContext(db, alice));
const asBob = () => createCaller(callerContext(db, bob));
const today = todayIn("UTC");
const month = monthOf(today);

beforeAll(async () => {
  await db.category.createMany({
    data: [
      { slug: "FOOD_AND_DRINK", primary: "FOOD_AND_DRINK", label: "Food and Drink" },
      { slug: "FOOD_AND_DRINK_COFFEE", primary: "FOOD_AND_DRINK", label: "Coffee" },
      { slug: "INCOME", primary: "INCOME", label: "Income" },
    ],
  });
  alice = await createTestUser(db, { timezone: "UTC", currency: "EUR" });
  bob = await createTestUser(db);
  const account = await createTestAccount(db, alice.id, { currency: "EUR" });
  const own = { userId: alice.id, accountId: account.id };
  await createTestTransaction(db, own, {
    amount: "-42.10",
    date: month.from,
    category: "FOOD_AND_DRINK",
    currency: "EUR",
  });
  await createTestTransaction(db, own, {
    amount: "-3.90",
    date: month.from,
    category: "FOOD_AND_DRINK",
    categoryDetailed: "FOOD_AND_DRINK_COFFEE",
    currency: "EUR",
  });
});

describe("budget router", () => {
  it("creates a budget in the user's currency and shows the running period at once", async () => {
    const { id } = await asAlice().budget.create({
      name: "Eating out",
      category: "FOOD_AND_DRINK",
      amount: "200",
      period: "MONTHLY",
      startDate: month.from,
    });
    const [budget] = await asAlice().budget.list();
    expect(budget).toMatchObject({
      id,
      currency: "EUR",
      amount: "200.00",
      rollover: "NONE",
      alertThresholds: [80, 100, 120],
      current: {
        start: month.from,
        end: month.to,
        spent: "46.00",
        available: "200.00",
        remaining: "154.00",
        percent: 23,
      },
    });
  });

  it("budgets a detailed category on its own", async () => {
    const { id } = await asAlice().budget.create({
      name: "Coffee",
      category: "FOOD_AND_DRINK_COFFEE",
      amount: "10.00",
      period: "MONTHLY",
      startDate: month.from,
      alertThresholds: [120, 50, 50],
    });
    const coffee = await asAlice().budget.byId({ id });
    expect(coffee).toMatchObject({ alertThresholds: [50, 120], current: { spent: "3.90" } });
    expect(coffee.history).toHaveLength(1);
  });

  it("refuses income budgets, unknown categories, non-positive amounts and an end before the start", async () => {
    const base = { name: "x", amount: "10.00", period: "MONTHLY" as const, startDate: month.from };
    await expect(asAlice().budget.create({ ...base, category: "INCOME" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "INCOME is not spending, so it cannot have a budget",
    });
    await expect(asAlice().budget.create({ ...base, category: "NOPE" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAlice().budget.create({ ...base, category: null, amount: "0" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(asAlice().budget.create({ ...base, category: null, endDate: "2000-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("recomputes every period when the budget changes", async () => {
    const eatingOut = (await asAlice().budget.list()).find((b) => b.name === "Eating out")!;
    await asAlice().budget.update({
      id: eatingOut.id,
      name: "Eating out",
      category: null,
      amount: "40.00",
      period: "MONTHLY",
      startDate: month.from,
      rollover: "UNSPENT",
    });
    const updated = await asAlice().budget.byId({ id: eatingOut.id });
    expect(updated.current).toMatchObject({ spent: "46.00", remaining: "-6.00", percent: 115 });
    // Passing 80 and 100 % at once: both recorded in the app, only the highest sent outside it.
    const alerts = await db.notification.findMany({
      where: { userId: alice.id, type: "budget_threshold" },
      select: { dedupeKey: true },
    });
    expect(alerts.map((a) => a.dedupeKey).sort()).toEqual([
      `budget:${eatingOut.id}:${month.from}:100`,
      `budget:${eatingOut.id}:${month.from}:80`,
    ]);
  });

  it("archives and deletes", async () => {
    const [first] = await asAlice().budget.list();
    await asAlice().budget.setArchived({ id: first!.id, archived: true });
    expect((await asAlice().budget.byId({ id: first!.id })).archived).toBe(true);
    await asAlice().budget.delete({ id: first!.id });
    await expect(asAlice().budget.byId({ id: first!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows nothing of Alice's to Bob and lets him change nothing", async () => {
    const [budget] = await asAlice().budget.list();
    expect(await asBob().budget.list()).toEqual([]);
    await expect(asBob().budget.byId({ id: budget!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asBob().budget.delete({ id: budget!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asBob().budget.setArchived({ id: budget!.id, archived: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
