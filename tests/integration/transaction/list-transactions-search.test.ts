import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { listTransactions } from "~/server/transaction/list-transactions";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

let userId: string;

beforeAll(async () => {
  userId = (await createTestUser(db)).id;
  const account = await createTestAccount(db, userId);
  const owner = { userId, accountId: account.id };
  for (const description of ["50% OFF SALE", "500 OFF SALE", "PAY_PAL *SHOP", "PAYXPAL SHOP", "C:\\BACKSLASH", "C:BACKSLASH"])
    await createTestTransaction(db, owner, { amount: "-1.00", date: "2026-03-01", description });
});

const found = async (search: string) =>
  (await listTransactions(db, userId, { search })).items.map((t) => t.description).sort();

describe("searching the transaction list", () => {
  it("matches % and _ literally, not as LIKE wildcards", async () => {
    expect(await found("50%")).toEqual(["50% OFF SALE"]);
    expect(await found("pay_pal")).toEqual(["PAY_PAL *SHOP"]);
  });

  it("matches a backslash literally", async () => {
    expect(await found("c:\\back")).toEqual(["C:\\BACKSLASH"]);
  });

  it("still matches any part of the description, ignoring case", async () => {
    expect(await found("off sale")).toEqual(["50% OFF SALE", "500 OFF SALE"]);
  });
});
