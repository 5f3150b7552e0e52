/** The user's rules, through the tRPC procedures and the categorization pipeline they feed. */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { categorizeTransactions } from "~/server/categorize/categorize-transactions";
import { cleanMerchant } from "~/server/categorize/clean-merchant";
import { predictOffline } from "~/server/categorize/predict-offline";
import { seedCategories } from "~/server/categorize/seed-categories";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { getQueue } from "~/server/queue/producers";
import { createProducerConnection } from "~/server/redis";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

const offline = { cleanMerchant, predictOffline, llm: null };
let user: { id: string; email: string };
let own: { userId: string; accountId: string };
const asUser = () => createCaller(callerContext(db, user));

const categoryOf = async (id: string) =>
  db.transaction.findUniqueOrThrow({
    where: { id },
    select: { category: true, categoryDetailed: true, categorySource: true, userCategory: true, tags: true },
  });

beforeAll(async () => {
  await seedCategories(db);
  user = await createTestUser(db);
  own = { userId: user.id, accountId: (await createTestAccount(db, user.id)).id };
});

describe("rule order", () => {
  it("the first matching rule that sets a category decides; every matching rule adds its tags; reordering changes the answer", async () => {
    const { id } = await createTestTransaction(db, own, {
      amount: "-64.00",
      date: "2026-05-02",
      description: "SHELL OIL 57444 AUSTIN TX",
    });
    const fuel = await asUser().rules.create({
      name: "Shell is the car",
      conditions: { match: "all", conditions: [{ field: "description", operator: "contains", value: "shell" }] },
      actions: { setCategory: "TRANSPORTATION_GAS", addTags: ["car"] },
    });
    const work = await asUser().rules.create({
      name: "Big fill-ups are work trips",
      conditions: {
        match: "all",
        conditions: [
          { field: "merchant", operator: "startsWith", value: "shell" },
          { field: "amount", min: "50.00" },
        ],
      },
      actions: { setCategory: "TRAVEL", addTags: ["work"] },
    });

    await categorizeTransactions(db, user.id, [id], offline);
    expect(await categoryOf(id)).toMatchObject({
      categoryDetailed: "TRANSPORTATION_GAS",
      categorySource: "RULE",
      tags: ["car", "work"],
    });

    await asUser().rules.reorder({ ids: [work.id, fuel.id] });
    await categorizeTransactions(db, user.id, [id], offline);
    expect(await categoryOf(id)).toMatchObject({ category: "TRAVEL", categoryDetailed: null, categorySource: "RULE" });
  });
});

describe("apply to existing transactions", () => {
  it("previews exactly what will change, applies that, keeps the user's own choice, and runs the after-change hooks", async () => {
    const gym = async (date: string, amount = "-45.00") =>
      (await createTestTransaction(db, own, { amount, date, description: "IRONWORKS GYM 7781", category: "OTHER" })).id;
    const [jan, feb, mar] = [await gym("2026-01-05"), await gym("2026-02-05"), await gym("2026-03-05")];
    const refund = await gym("2026-03-09", "20.00");
    await asUser().transaction.setCategory({ ids: [mar], category: "ENTERTAINMENT" });
    const rule = {
      name: "Gym",
      conditions: {
        match: "all" as const,
        conditions: [
          { field: "description" as const, operator: "regex" as const, value: "^ironworks\\s+gym" },
          { field: "direction" as const, value: "DEBIT" as const },
        ],
      },
      actions: { setCategory: "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS" },
    };

    const preview = await asUser().rules.preview(rule);
    expect(preview.count).toBe(2);
    expect(preview.examples.map((e) => e.id).sort()).toEqual([jan, feb].sort());
    expect(preview.examples[0]).toMatchObject({ from: "OTHER", to: "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS" });

    const versionKey = `${env.REDIS_PREFIX}:analytics:${user.id}:version`;
    const redis = createProducerConnection({ enableOfflineQueue: true });
    const versionBefore = Number((await redis.get(versionKey)) ?? 0);
    const { id } = await asUser().rules.create(rule);
    await expect(asUser().rules.applyToExisting({ id })).resolves.toMatchObject({ updated: 2 });

    for (const changed of [jan, feb])
      expect(await categoryOf(changed)).toMatchObject({
        categoryDetailed: "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS",
        categorySource: "RULE",
      });
    expect(await categoryOf(mar)).toMatchObject({ userCategory: "ENTERTAINMENT" });
    expect(await categoryOf(refund)).toMatchObject({ category: "OTHER" });

    expect(Number(await redis.get(versionKey))).toBeGreaterThan(versionBefore);
    const budgetChecks = await getQueue("budget-check").getJobs(["waiting"]);
    expect(budgetChecks.map((job) => job.data)).toContainEqual({ userId: user.id, day: "2026-01-05" });
    redis.disconnect();
  });
});
