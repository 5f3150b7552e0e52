import { describe, expect, it } from "vitest";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { readBankFile } from "./bank-files";
import { rejection } from "./rejection";

describe("QIF", () => {
  it("reads bank records with Quicken's M/D'YYYY dates and keeps splits as metadata", () => {
    const file = parseBankFile(readBankFile("qif-quiffen/test.qif"));
    expect(file.format).toBe("qif");
    expect(file.transactions).toHaveLength(6);
    const tMobile = file.transactions[1]!;
    expect(tMobile).toMatchObject({ line: 35, date: "2020-02-14", amount: "67.50", payee: "T-Mobile" });
    expect(tMobile.metadata).toEqual({
      category: "Bills:Cell Phone/Test class",
      splits: [
        { category: "Bills:Cell Phone/Test class", memo: "sign up credit", amount: "-15.00" },
        { category: "Bills:Cell Phone/Test class", memo: "new account", amount: "82.50" },
      ],
    });
    expect(file.skipped).toEqual([{ line: 93, reason: "investment record, not a cash transaction" }]);
  });

  it("finds the day/month order from the whole file", () => {
    const file = parseBankFile(readBankFile("qif-quiffen/test_category_override.qif"));
    expect(file.transactions.map((t) => t.date)).toEqual(["2017-12-22", "2018-01-01", "2018-01-02", "2018-01-02"]);
  });

  it("ties transactions to the account declared before them", () => {
    const text = "!Account\nNEveryday\nTBank\n^\n!Type:Bank\nD01/02/2024\nT-4.20\nPBakery\n^\n";
    const file = parseBankFile(Buffer.from(text));
    expect(file.accounts).toEqual([
      { key: "Everyday", name: "Everyday", type: "CHECKING", currency: null, mask: null, balance: null },
    ]);
    expect(file.transactions[0]).toMatchObject({ account: "Everyday", date: "2024-01-02", amount: "-4.20" });
  });

  it.each([
    [
      "a record without an amount",
      "!Type:Bank\nD01/02/2024\nPBakery\n^\n",
      2,
      "the transaction has no amount (T line)",
    ],
    ["a record without a date", "!Type:Bank\nT-1.00\nPBakery\n^\n", 2, "the transaction has no date (D line)"],
    ["a bad amount", "!Type:Bank\nD01/02/2024\nTabc\n^\n", 3, '"abc" is not an amount'],
    ["a bad date", "!Type:Bank\nD01/02/2024\nT1\n^\nD31/31/2024\nT1\n^\n", 5, '"31/31/2024" is not a date'],
    ["an unknown header", "!Type:Bank\n^\n!Bogus\n", 3, '"!Bogus" is not a QIF header'],
    ["a record before any header", "!Type:Bank\n^\n", 0, ""],
  ])("rejects %s, naming the line", (_, text, line, reason) => {
    if (line === 0) {
      expect(parseBankFile(Buffer.from(text), { format: "qif" }).transactions).toEqual([]);
      return;
    }
    expect(rejection(text)).toEqual({ line, reason });
  });
});
