/** Small, hand-checkable ledgers for the analytics tests, on top of the shared factories. */
import type { Db } from "~/server/db";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export async function setMerchant(db: Db, id: string, merchant: string) {
  await db.transaction.update({ where: { id }, data: { merchantName: merchant, merchantKey: merchant.toLowerCase() } });
}

export async function charge(
  db: Db,
  owner: { userId: string; accountId: string },
  merchant: string,
  amount: string,
  date: string,
  category = "GENERAL_MERCHANDISE",
) {
  const { id } = await createTestTransaction(db, owner, {
    amount,
    date,
    category,
    description: merchant.toUpperCase(),
  });
  await setMerchant(db, id, merchant);
  return id;
}

/**
 * Today is 2026-03-15 (UTC). Checking holds `balance`; salary 2,000.00 on the 25th, rent
 * 1,500.00 on the 1st, for four months; and exactly 10.00 a day of everyday spending at
 * changing shops over the last 91 days.
 */
export async function salaryAndRentUser(db: Db, balance: string) {
  const user = await createTestUser(db, { timezone: "UTC" });
  const account = await createTestAccount(db, user.id, { currentBalance: balance });
  const owner = { userId: user.id, accountId: account.id };
  for (const month of ["2025-11", "2025-12", "2026-01", "2026-02"]) {
    await charge(db, owner, "ACME Payroll", "2000.00", `${month}-25`, "INCOME");
  }
  for (const month of ["2025-12", "2026-01", "2026-02", "2026-03"]) {
    await charge(db, owner, "Parkside Apartments", "-1500.00", `${month}-01`, "RENT_AND_UTILITIES");
  }
  const shops = ["Deli", "Bakery", "Kiosk", "Grocer", "Pharmacy", "Bookshop", "Florist"];
  for (let i = 0; i < 91; i++) {
    await charge(db, owner, `${shops[i % shops.length]} ${i}`, "-10.00", addDays("2026-03-15", -i), "FOOD_AND_DRINK");
  }
  return { user, account };
}
