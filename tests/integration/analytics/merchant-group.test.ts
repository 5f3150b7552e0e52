import { describe, expect, it } from "vitest";
import { invalidateUserAnalytics } from "~/server/analytics/analytics-cache";
import { topMerchants } from "~/server/analytics/top-merchants";
import { db } from "~/server/db";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";
import { setMerchant } from "./analytics-fixtures";

const MARCH = { from: "2026-03-01", to: "2026-03-31" };

describe("merchant grouping (the generated merchant_group column)", () => {
  it("groups rows without a merchant key by their description, and regroups them once the categorizer names them", async () => {
    const user = await createTestUser(db);
    const account = await createTestAccount(db, user.id);
    const owner = { userId: user.id, accountId: account.id };
    const first = await createTestTransaction(db, owner, {
      amount: "-15.49",
      date: "2026-03-03",
      description: "NETFLIX.COM 8473",
    });
    await createTestTransaction(db, owner, { amount: "-15.49", date: "2026-03-17", description: "Netflix.com 1192" });
    await createTestTransaction(db, owner, { amount: "-40.00", date: "2026-03-09", description: "Corner Deli #4411" });

    expect((await topMerchants(db, user.id, MARCH)).map((m) => [m.merchantKey, m.spent, m.count])).toEqual([
      ["corner deli", "40.00", 1],
      ["netflix com", "30.98", 2],
    ]);

    // The categorizer writes a merchant key to one of the two: the column follows on update.
    await setMerchant(db, first.id, "Netflix");
    await invalidateUserAnalytics(user.id);
    expect((await topMerchants(db, user.id, MARCH)).map((m) => [m.merchantKey, m.spent, m.count])).toEqual([
      ["corner deli", "40.00", 1],
      ["netflix", "15.49", 1],
      ["netflix com", "15.49", 1],
    ]);
  });
});
