import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
let coffee: string[];
let other: string;
const asAlice = () => createCaller(callerContext(db, alice));
const asBob = () => createCaller(callerContext(db, bob));

beforeAll(async () => {
  await db.category.createMany({
    data: [
      { slug: "FOOD_AND_DRINK", primary: "FOOD_AND_DRINK", label: "Food & Drink" },
      { slug: "FOOD_AND_DRINK_COFFEE", primary: "FOOD_AND_DRINK", label: "Coffee" },
      { slug: "ENTERTAINMENT", primary: "ENTERTAINMENT", label: "Entertainment" },
    ],
  });
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  const account = await createTestAccount(db, alice.id);
  const own = { userId: alice.id, accountId: account.id };
  coffee = [];
  for (const date of ["2026-01-03", "2026-02-03", "2026-03-03"]) {
    const { id } = await createTestTransaction(db, own, {
      amount: "-4.50",
      date,
      category: "GENERAL_MERCHANDISE",
      description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
    });
    await db.transaction.update({
      where: { id },
      data: { merchantKey: "blue bottle", merchantName: "Blue Bottle Coffee" },
    });
    coffee.push(id);
  }
  other = (
    await createTestTransaction(db, own, {
      amount: "-60.00",
      date: "2026-03-04",
      description: "WHOLEFDS MKT 10234",
      category: "FOOD_AND_DRINK",
    })
  ).id;
  await db.transaction.update({ where: { id: other }, data: { notes: "dinner party groceries" } });
});

describe("transaction.setCategory", () => {
  it("changes only the chosen transaction, keeping the automatic category beside the user's", async () => {
    const result = await asAlice().transaction.setCategory({ ids: [coffee[0]!], category: "FOOD_AND_DRINK_COFFEE" });
    expect(result.updated).toBe(1);
    const rows = await db.transaction.findMany({ where: { id: { in: coffee } }, orderBy: { transactionDate: "asc" } });
    expect(rows.map((r) => r.userCategory)).toEqual(["FOOD_AND_DRINK", null, null]);
    expect(rows[0]).toMatchObject({ userCategoryDetailed: "FOOD_AND_DRINK_COFFEE", category: "GENERAL_MERCHANDISE" });
  });

  it("with 'apply to merchant' recategorizes every transaction from it and remembers the choice", async () => {
    const result = await asAlice().transaction.setCategory({
      ids: [coffee[2]!],
      category: "FOOD_AND_DRINK_COFFEE",
      applyToMerchant: true,
    });
    expect(result.updated).toBe(3);
    const rows = await db.transaction.findMany({ where: { id: { in: coffee } } });
    expect(rows.every((r) => r.userCategoryDetailed === "FOOD_AND_DRINK_COFFEE")).toBe(true);
    await expect(
      db.userMerchantCategory.findUnique({
        where: { userId_merchantKey: { userId: alice.id, merchantKey: "blue bottle" } },
      }),
    ).resolves.toMatchObject({ category: "FOOD_AND_DRINK_COFFEE" });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: other } })).userCategory).toBeNull();
  });

  it("refuses an unknown category and another user's transaction, changing nothing", async () => {
    await expect(asAlice().transaction.setCategory({ ids: [other], category: "NOT_A_CATEGORY" })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
    await expect(asBob().transaction.setCategory({ ids: [other], category: "ENTERTAINMENT" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      asBob().transaction.setCategory({ ids: [other, coffee[0]!], category: "ENTERTAINMENT", applyToMerchant: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: other } })).userCategory).toBeNull();
  });
});

describe("transaction.setNotes", () => {
  it("stores notes and de-duplicated tags, and refuses another user", async () => {
    await asAlice().transaction.setNotes({ id: coffee[1]!, notes: "  with Sam ", tags: ["work", "work", "coffee"] });
    await expect(db.transaction.findUniqueOrThrow({ where: { id: coffee[1]! } })).resolves.toMatchObject({
      notes: "with Sam",
      tags: ["work", "coffee"],
    });
    await expect(asBob().transaction.setNotes({ id: coffee[1]!, notes: "mine", tags: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("transaction.search", () => {
  it("finds by merchant, by a typo, and by notes — only among the user's own", async () => {
    const byMerchant = await asAlice().transaction.search({ query: "blue bottle" });
    expect(byMerchant.map((t) => t.id).sort()).toEqual([...coffee].sort());
    const typo = await asAlice().transaction.search({ query: "bottel" });
    expect(typo.length).toBeGreaterThan(0);
    expect(typo[0]!.merchantName).toBe("Blue Bottle Coffee");
    const byNotes = await asAlice().transaction.search({ query: "dinner party" });
    expect(byNotes.map((t) => t.id)).toEqual([other]);
    await expect(asBob().transaction.search({ query: "blue bottle" })).resolves.toEqual([]);
  });

  it("treats LIKE wildcards and SQL in the query as plain text", async () => {
    await expect(asAlice().transaction.search({ query: "%%" })).resolves.toEqual([]);
    await expect(asAlice().transaction.search({ query: "'; DROP TABLE transactions; --" })).resolves.toEqual([]);
    expect(await db.transaction.count()).toBe(4);
  });

  it("filters the list by a search term too", async () => {
    const { items } = await asAlice().transaction.list({ search: "wholefds" });
    expect(items.map((t) => t.id)).toEqual([other]);
  });
});
