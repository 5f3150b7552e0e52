import { beforeAll, describe, expect, it } from "vitest";
import { linkTransfers } from "~/server/categorize/link-transfers";
import { db } from "~/server/db";
import { categorySummary } from "~/server/transaction/category-summary";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

let userId: string;
let checking: string;
let savings: string;
let card: string;
let firstBatch: string[];

beforeAll(async () => {
  userId = (await createTestUser(db)).id;
  checking = (await createTestAccount(db, userId, { name: "Checking" })).id;
  savings = (await createTestAccount(db, userId, { name: "Savings" })).id;
  card = (await db.bankAccount.create({ data: { userId, name: "Card", type: "CREDIT" }, select: { id: true } })).id;
});

const tx = (accountId: string, amount: string, date: string, description: string, category = "GENERAL_MERCHANDISE") =>
  createTestTransaction(db, { userId, accountId }, { amount, date, description, category });

describe("linking transfers between one's own accounts", () => {
  it("links a transfer to savings two days later, and a card payment, with the known answers", async () => {
    const out = await tx(checking, "-250.00", "2026-04-01", "ONLINE TRANSFER TO SAVINGS 1234");
    const into = await tx(savings, "250.00", "2026-04-03", "TRANSFER FROM CHK 5678");
    const pay = await tx(checking, "-812.40", "2026-04-10", "CHASE CREDIT CRD AUTOPAY");
    const paid = await tx(card, "812.40", "2026-04-11", "PAYMENT THANK YOU");
    const dinner = await tx(checking, "-50.00", "2026-04-12", "OLIVE GARDEN 0042", "FOOD_AND_DRINK");
    const refund = await tx(card, "50.00", "2026-04-12", "AMAZON.COM REFUND");
    const farAway = await tx(savings, "-75.00", "2026-04-01", "TRANSFER TO CHECKING");
    const back = await tx(checking, "75.00", "2026-04-09", "TRANSFER FROM SAVINGS");
    firstBatch = [out, into, pay, paid, dinner, refund, farAway, back].map((t) => t.id);

    const linked = await linkTransfers(db, userId, firstBatch);
    expect(linked.linked).toBe(2);
    expect(linked.ids.sort()).toEqual([out.id, into.id, pay.id, paid.id].sort());

    const byId = async (id: string) => db.transaction.findUniqueOrThrow({ where: { id } });
    expect(await byId(out.id)).toMatchObject({
      transferPeerId: into.id,
      categoryDetailed: "TRANSFER_OUT_ACCOUNT_TRANSFER",
    });
    expect(await byId(into.id)).toMatchObject({
      transferPeerId: out.id,
      categoryDetailed: "TRANSFER_IN_ACCOUNT_TRANSFER",
    });
    expect(await byId(pay.id)).toMatchObject({
      transferPeerId: paid.id,
      categoryDetailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
    });
    expect(await byId(paid.id)).toMatchObject({
      transferPeerId: pay.id,
      categoryDetailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
    });
    expect((await byId(dinner.id)).transferPeerId).toBeNull();
    expect((await byId(refund.id)).transferPeerId).toBeNull();
    expect((await byId(farAway.id)).transferPeerId).toBeNull();
  });

  it("adds nothing when run again, even twice at once", async () => {
    const results = await Promise.all([linkTransfers(db, userId, firstBatch), linkTransfers(db, userId, firstBatch)]);
    expect(results).toEqual([
      { linked: 0, ids: [] },
      { linked: 0, ids: [] },
    ]);
  });

  it("looks only at the days around the given transactions, where a new row finds its older side", async () => {
    const januaryOut = await tx(checking, "-40.00", "2026-01-05", "TRANSFER TO SAVINGS");
    const januaryIn = await tx(savings, "40.00", "2026-01-06", "TRANSFER FROM CHECKING");
    const juneOut = await tx(checking, "-90.00", "2026-06-01", "TRANSFER TO SAVINGS");
    const juneIn = await tx(savings, "90.00", "2026-06-03", "TRANSFER FROM CHECKING");

    expect(await linkTransfers(db, userId, [juneIn.id])).toEqual({ linked: 1, ids: [juneOut.id, juneIn.id] });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: januaryOut.id } })).transferPeerId).toBeNull();
    expect(await linkTransfers(db, userId, [januaryOut.id])).toEqual({
      linked: 1,
      ids: [januaryOut.id, januaryIn.id],
    });
  });

  it("keeps linked transfers out of spending", async () => {
    const summary = await categorySummary(db, userId, { from: "2026-04-01", to: "2026-04-30" });
    expect(summary).toEqual([{ category: "FOOD_AND_DRINK", currency: "USD", spent: "50.00", count: 1 }]);
  });
});
