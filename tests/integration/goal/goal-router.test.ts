import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { refreshGoals } from "~/server/goal/refresh-goals";
import { todayIn } from "~/server/time/calendar";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
const asAlice = () => createCaller(callerContext(db, alice));
const asBob = () => createCaller(callerContext(db, bob));
const today = todayIn("UTC");
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const achievedAlerts = (goalId: string) =>
  db.notification.count({ where: { userId: alice.id, dedupeKey: `goal-achieved:${goalId}` } });

beforeAll(async () => {
  alice = await createTestUser(db, { timezone: "UTC" });
  bob = await createTestUser(db);
});

describe("a goal saved by hand", () => {
  let goalId: string;

  it("adds contributions exactly and projects the finish from the recent pace", async () => {
    goalId = (await asAlice().goal.create({ name: "Bike", targetAmount: "1000.00", targetDate: daysAgo(-30) })).id;
    await asAlice().goal.contribute({ goalId, amount: "0.10", date: daysAgo(9) });
    await asAlice().goal.contribute({ goalId, amount: "0.20", date: daysAgo(9) });
    await asAlice().goal.contribute({ goalId, amount: "99.70", date: daysAgo(4) });
    const goal = await asAlice().goal.byId({ id: goalId });
    // 100.00 over the 10 days since the first contribution = 10.00 a day; 900.00 left → 90 days.
    expect(goal).toMatchObject({
      currentAmount: "100.00",
      remaining: "900.00",
      percent: 10,
      status: "ACTIVE",
      projectedDate: daysAgo(-90),
      onTrack: false,
    });
    expect(goal.contributions.map((c) => c.amount)).toEqual(["99.70", "0.20", "0.10"]);
  });

  it("is achieved when the target is reached, and says so once", async () => {
    await asAlice().goal.contribute({ goalId, amount: "900.00" });
    await asAlice().goal.contribute({ goalId, amount: "5.00" });
    expect(await asAlice().goal.byId({ id: goalId })).toMatchObject({
      status: "ACHIEVED",
      percent: 100,
      remaining: "0.00",
    });
    expect(await achievedAlerts(goalId)).toBe(1);
  });

  it("opens again when money is taken back out, without announcing it twice", async () => {
    const { id } = await asAlice().goal.contribute({ goalId, amount: "-50.00" });
    expect((await asAlice().goal.byId({ id: goalId })).status).toBe("ACTIVE");
    await asAlice().goal.deleteContribution({ id });
    expect(await asAlice().goal.byId({ id: goalId })).toMatchObject({ status: "ACHIEVED", currentAmount: "1005.00" });
    expect(await achievedAlerts(goalId)).toBe(1);
  });

  it("can be abandoned and picked up again", async () => {
    const { id } = await asAlice().goal.create({ name: "Boat", targetAmount: "5000" });
    await asAlice().goal.setStatus({ id, status: "ABANDONED" });
    expect(await asAlice().goal.byId({ id })).toMatchObject({ status: "ABANDONED", projectedDate: null });
    await asAlice().goal.setStatus({ id, status: "ACTIVE" });
    expect((await asAlice().goal.byId({ id })).status).toBe("ACTIVE");
  });
});

describe("a goal that follows an account", () => {
  it("takes the account's balance and currency, and its recent transactions as the pace", async () => {
    const savings = await createTestAccount(db, alice.id, {
      name: "Savings",
      currency: "EUR",
      currentBalance: "1200.00",
    });
    await createTestTransaction(
      db,
      { userId: alice.id, accountId: savings.id },
      { amount: "300.00", date: daysAgo(10), currency: "EUR" },
    );
    await createTestTransaction(
      db,
      { userId: alice.id, accountId: savings.id },
      { amount: "-30.00", date: daysAgo(5), currency: "EUR" },
    );
    const { id } = await asAlice().goal.create({
      name: "Emergency fund",
      targetAmount: "3000.00",
      trackedAccountId: savings.id,
    });
    // 270.00 over 90 days = 3.00 a day; 1800.00 left → 600 days.
    expect(await asAlice().goal.byId({ id })).toMatchObject({
      currency: "EUR",
      currentAmount: "1200.00",
      trackedAccount: { id: savings.id, name: "Savings" },
      projectedDate: daysAgo(-600),
    });
    await expect(asAlice().goal.contribute({ goalId: id, amount: "10.00" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await db.bankAccount.update({ where: { id: savings.id }, data: { currentBalance: "3000.00" } });
    expect(await refreshGoals(db, alice.id)).toEqual({ achieved: 1 });
    expect((await asAlice().goal.byId({ id })).status).toBe("ACHIEVED");
    expect(await achievedAlerts(id)).toBe(1);
  });

  it("refuses an account of someone else or a different currency", async () => {
    const bobs = await createTestAccount(db, bob.id);
    await expect(
      asAlice().goal.create({ name: "x", targetAmount: "1", trackedAccountId: bobs.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const euro = await createTestAccount(db, alice.id, { currency: "EUR" });
    await expect(
      asAlice().goal.create({ name: "x", targetAmount: "1", trackedAccountId: euro.id, currency: "USD" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("ownership", () => {
  it("shows nothing of Alice's goals to Bob and lets him change nothing", async () => {
    const goal = (await asAlice().goal.list()).find((g) => g.name === "Bike");
    expect(await asBob().goal.list()).toEqual([]);
    await expect(asBob().goal.byId({ id: goal!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asBob().goal.contribute({ goalId: goal!.id, amount: "1.00" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asBob().goal.delete({ id: goal!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const contribution = await db.goalContribution.findFirstOrThrow({ where: { goalId: goal!.id } });
    await expect(asBob().goal.deleteContribution({ id: contribution.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
