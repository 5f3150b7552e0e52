import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  accountTypeOf,
  decimalFromJsonNumber,
  transformAccount,
  transformRemoved,
  transformTransaction,
  type PlaidAccountInput,
  type PlaidTransactionInput,
} from "~/server/bank/providers/plaid/transform";
import { fromMinorUnits } from "~/server/transaction/money";

const SHARED = path.resolve(import.meta.dirname, "../../..", "../shared");
const syncExample = JSON.parse(
  readFileSync(path.join(SHARED, "data/plaid-api-examples/responses/transactions_sync.200.example-1.json"), "utf8"),
) as { added: unknown[]; modified: unknown[]; removed: unknown[]; accounts: unknown[] };

function plaidTransaction(overrides: Partial<PlaidTransactionInput> = {}): PlaidTransactionInput {
  return {
    transaction_id: "tx-1",
    account_id: "acc-1",
    amount: 12.34,
    iso_currency_code: "USD",
    unofficial_currency_code: null,
    date: "2024-03-15",
    authorized_date: "2024-03-14",
    name: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
    merchant_name: "Blue Bottle Coffee",
    pending: false,
    pending_transaction_id: null,
    personal_finance_category: {
      primary: "FOOD_AND_DRINK",
      detailed: "FOOD_AND_DRINK_COFFEE",
      confidence_level: "VERY_HIGH",
    },
    ...overrides,
  };
}

function plaidAccount(overrides: Partial<PlaidAccountInput> = {}): PlaidAccountInput {
  return {
    account_id: "acc-1",
    name: "Plaid Checking",
    official_name: "Plaid Gold Standard 0% Interest Checking",
    mask: "0000",
    type: "depository",
    subtype: "checking",
    balances: { available: 100, current: 110, iso_currency_code: "USD", unofficial_currency_code: null },
    ...overrides,
  };
}

describe("decimalFromJsonNumber", () => {
  it("gives back exactly the decimal Plaid wrote, where naive float arithmetic does not", () => {
    expect(decimalFromJsonNumber(72.1)).toBe("72.10");
    expect(72.1 * 100).not.toBe(7210); // why cents are not computed by multiplying
    expect(decimalFromJsonNumber(0.1)).toBe("0.10");
    expect(decimalFromJsonNumber(19.99)).toBe("19.99");
    expect(decimalFromJsonNumber(1234567890123.45)).toBe("1234567890123.45");
    expect(decimalFromJsonNumber(-0.07)).toBe("-0.07");
    expect(decimalFromJsonNumber(65262)).toBe("65262.00");
  });

  it("rounds a float-arithmetic artefact like 0.1 + 0.2 to the cent it means", () => {
    expect(decimalFromJsonNumber(0.1 + 0.2)).toBe("0.30");
    expect(decimalFromJsonNumber(-(0.1 + 0.2))).toBe("-0.30");
  });

  it("rounds sub-cent digits half away from zero on the decimal text, not on the binary value", () => {
    expect((1.005).toFixed(2)).toBe("1.00"); // the float way gets this wrong
    expect(decimalFromJsonNumber(1.005)).toBe("1.01");
    expect(decimalFromJsonNumber(-1.005)).toBe("-1.01");
    expect(decimalFromJsonNumber(23631.9805)).toBe("23631.98");
    expect(decimalFromJsonNumber(2.675)).toBe("2.68");
  });

  it("treats zero and negative zero alike and rejects what cannot be an amount", () => {
    expect(decimalFromJsonNumber(-0)).toBe("0.00");
    expect(decimalFromJsonNumber(1e-7)).toBe("0.00");
    expect(() => decimalFromJsonNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromJsonNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => decimalFromJsonNumber(1e16)).toThrow(RangeError);
    expect(() => decimalFromJsonNumber(1e21)).toThrow(RangeError);
  });

  it("is exact for cent amounts across the whole Decimal(15,2) range", () => {
    const samples = [1, 99, 100, 12345, 999_999_999_999_999];
    let x = 123456789;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31; // a fixed sequence, so a failure reproduces
      samples.push(Math.floor((x / 2 ** 31) * 10 ** (2 + (i % 14))));
    }
    for (const cents of samples) {
      const expected = fromMinorUnits(BigInt(cents));
      expect(decimalFromJsonNumber(cents / 100)).toBe(expected);
      expect(decimalFromJsonNumber(-cents / 100)).toBe(cents === 0 ? "0.00" : `-${expected}`);
    }
  });
});

describe("transformTransaction", () => {
  it("flips Plaid's sign: a purchase (positive in Plaid) is money out, negative for us", () => {
    expect(transformTransaction(plaidTransaction({ amount: 12.34 })).amount).toBe("-12.34");
    expect(transformTransaction(plaidTransaction({ amount: -2850 })).amount).toBe("2850.00");
    expect(transformTransaction(plaidTransaction({ amount: 0 })).amount).toBe("0.00");
  });

  it("keeps the authorization date as the transaction's date, and the posting date beside it", () => {
    const posted = transformTransaction(plaidTransaction({ date: "2024-03-15", authorized_date: "2024-03-14" }));
    expect(posted).toMatchObject({ date: "2024-03-14", postedDate: "2024-03-15", pending: false });
    const noAuthorization = transformTransaction(plaidTransaction({ authorized_date: null }));
    expect(noAuthorization.date).toBe("2024-03-15");
  });

  it("marks a pending transaction unposted, and links a posted one to the pending id it replaces", () => {
    const pending = transformTransaction(plaidTransaction({ pending: true, date: "2024-03-14" }));
    expect(pending).toMatchObject({ pending: true, postedDate: null, pendingTransactionId: null });
    const posted = transformTransaction(
      plaidTransaction({ transaction_id: "tx-2", pending_transaction_id: "tx-1", amount: 14.8 }),
    );
    expect(posted).toMatchObject({ pending: false, pendingTransactionId: "tx-1", amount: "-14.80" });
  });

  it("carries the bank's description, the merchant and Plaid's category", () => {
    expect(transformTransaction(plaidTransaction())).toEqual({
      providerTransactionId: "tx-1",
      providerAccountId: "acc-1",
      pendingTransactionId: null,
      amount: "-12.34",
      currency: "USD",
      date: "2024-03-14",
      postedDate: "2024-03-15",
      description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
      merchantName: "Blue Bottle Coffee",
      pending: false,
      category: { primary: "FOOD_AND_DRINK", detailed: "FOOD_AND_DRINK_COFFEE", confidenceLevel: "VERY_HIGH" },
    });
  });

  it("uses an unofficial currency code only when it looks like one", () => {
    const unofficial = { iso_currency_code: null, unofficial_currency_code: "BTC" };
    expect(transformTransaction(plaidTransaction(unofficial)).currency).toBe("BTC");
    const odd = { iso_currency_code: null, unofficial_currency_code: "DOGE" };
    expect(transformTransaction(plaidTransaction(odd)).currency).toBe("XXX");
  });

  it("rejects a transaction whose fields are not what Plaid documents", () => {
    expect(() => transformTransaction(plaidTransaction({ date: "15/03/2024" }))).toThrow();
    expect(() => transformTransaction(plaidTransaction({ date: "2024-02-30" }))).toThrow();
    expect(() => transformTransaction({ ...plaidTransaction(), amount: "12.34" })).toThrow();
    expect(() => transformTransaction({ ...plaidTransaction(), transaction_id: undefined })).toThrow();
  });

  it("maps every transaction of Plaid's own /transactions/sync example", () => {
    const [added] = syncExample.added.map(transformTransaction);
    expect(added).toMatchObject({
      amount: "-72.10",
      date: "2023-09-22",
      postedDate: "2023-09-24",
      description: "PURCHASE WM SUPERCENTER #1700",
      merchantName: "Walmart",
      pendingTransactionId: "no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc",
    });
    const [modified] = syncExample.modified.map(transformTransaction);
    expect(modified).toMatchObject({ amount: "-28.34", pending: true, postedDate: null });
    expect(syncExample.removed.map(transformRemoved)).toEqual(["CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l"]);
  });
});

describe("transformAccount", () => {
  it("keeps a depository balance as it is: money the user has", () => {
    expect(transformAccount(plaidAccount())).toEqual({
      providerAccountId: "acc-1",
      name: "Plaid Checking",
      officialName: "Plaid Gold Standard 0% Interest Checking",
      mask: "0000",
      type: "CHECKING",
      currency: "USD",
      currentBalance: "110.00",
      availableBalance: "100.00",
    });
  });

  it("turns what a card or loan owes into a negative balance, leaving available credit positive", () => {
    const card = plaidAccount({
      type: "credit",
      subtype: "credit card",
      balances: { available: 1590, current: 410.25, iso_currency_code: "USD", unofficial_currency_code: null },
    });
    expect(transformAccount(card)).toMatchObject({
      type: "CREDIT",
      currentBalance: "-410.25",
      availableBalance: "1590.00",
    });
    const loan = plaidAccount({ type: "loan", subtype: "student", balances: { current: 65262, available: null } });
    expect(transformAccount(loan)).toMatchObject({ type: "LOAN", currentBalance: "-65262.00", availableBalance: null });
  });

  it("maps Plaid's account types and subtypes onto ours", () => {
    expect(accountTypeOf("depository", "savings")).toBe("SAVINGS");
    expect(accountTypeOf("depository", "money market")).toBe("SAVINGS");
    expect(accountTypeOf("depository", "cash management")).toBe("CHECKING");
    expect(accountTypeOf("investment", "401k")).toBe("INVESTMENT");
    expect(accountTypeOf("other", null)).toBe("OTHER");
  });

  it("maps the accounts of Plaid's sync example", () => {
    expect(syncExample.accounts.map(transformAccount)).toEqual([
      expect.objectContaining({ type: "CHECKING", currentBalance: "110.94", mask: "0000" }),
    ]);
  });
});
