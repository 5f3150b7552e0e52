import { describe, expect, it } from "vitest";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { readBankFile } from "./bank-files";
import { rejection } from "./rejection";

const csv = (text: string) => Buffer.from(text, "utf8");
const pick = (t: { date: string; amount: string; description: string }) => [t.date, t.amount, t.description];

describe("CSV bank exports", () => {
  it("reads a UK credit-card export: BOM, £ amounts, a CR flag for credits, pending rows skipped", () => {
    const file = parseBankFile(readBankFile("csv-bank2ynab/MS_JANE_SMITH_01-12-2019_14-12-2019.csv"));
    expect(file.skipped.map((s) => s.reason)).toEqual(Array(3).fill("pending, no date yet"));
    expect(file.transactions[0]).toMatchObject({ date: "2019-12-12", amount: "-1183.23", currency: "GBP" });
    expect(file.transactions.at(-1)).toMatchObject({ amount: "1100.00", description: "PAYMENT RECEIVED - THANK YOU" });
    expect(file.csv!.columns[0]).toBe("Date Processed");
  });

  it("turns debit and credit columns into signed amounts", () => {
    const file = parseBankFile(readBankFile("csv-csv2ofx/capitalone.csv"));
    expect(file.transactions.map(pick)).toEqual([
      ["2015-12-31", "-1000.00", "Airplanes R Us"],
      ["2015-12-31", "1000.00", "CAPITAL ONE AUTOPAY PYMT"],
    ]);
    expect(file.csv!.mapping.amount).toEqual({ kind: "debitCredit", debitColumn: 5, creditColumn: 6 });
  });

  it("skips the account summary above the table and joins wrapped description lines", () => {
    const file = parseBankFile(readBankFile("csv-bank2ynab/TransactionHistory_20180418043121.csv"));
    expect(file.csv!.mapping.startLine).toBe(6);
    expect(file.transactions[0]).toMatchObject({
      line: 7,
      date: "2018-04-18",
      amount: "-6.66",
      currency: "SGD",
      description: "DEBIT PURCHASE 15/04/18 66-6666 UBER EATS AN2GO HELP.UBERh",
    });
  });

  it("reads decimal commas, semicolons, and skips a note row and a footer", () => {
    const file = parseBankFile(readBankFile("csv-bank2ynab/test_headers.csv"));
    expect(file.transactions).toHaveLength(73);
    expect(file.transactions[0]).toMatchObject({ date: "2017-09-18", amount: "-33.87", currency: "EUR" });
    expect(file.skipped).toEqual([
      { line: 72, reason: "no amount" },
      { line: 76, reason: "footer after the last transaction" },
      { line: 77, reason: "footer after the last transaction" },
    ]);
  });

  it("reads a headerless tab-separated Latin-1 file with separate out and in columns", () => {
    const file = parseBankFile(readBankFile("csv-bank2ynab/test_delimiter_tab.csv"));
    expect(file.encoding).toBe("windows-1252");
    expect(file.csv!.mapping).toMatchObject({ delimiter: "\t", hasHeader: false, decimalMark: "," });
    expect(file.csv!.uncertain).toContain("amountColumns");
    expect(file.transactions[5]).toMatchObject({ date: "2017-09-19", amount: "-14.00" });
  });

  it.each(["sample.fr.cp1252.csv", "sample.fr.iso88591.csv", "sample.fr.utf8.csv"])("decodes %s", (name) => {
    const file = parseBankFile(readBankFile(`csv-hledger/${name}`));
    expect(file.transactions.map((t) => t.description).slice(0, 2)).toEqual(["DÉPÔT", "VIREMENT VERS ÉPARGNE"]);
  });

  it("reads D/K flags and leaves the statement's balance lines out", () => {
    const file = parseBankFile(readBankFile("csv-bank2ynab/test_swedebank_statement.xls"));
    expect(file.transactions[0]).toMatchObject({ amount: "-15.31", currency: "LTL", payee: "X-911 MAXIMA" });
    expect(file.transactions.find((t) => t.payee === "UAB IMONE")!.amount).toBe("2863.63");
    expect(file.skipped.map((s) => s.reason)).toContain("balance line, not a transaction");
  });

  it("keeps a unique id column as the external id", () => {
    const file = parseBankFile(readBankFile("csv-hledger/paypal-custom.csv"));
    expect(file.transactions[0]).toMatchObject({
      externalId: "06P57143A2806728E",
      payee: "Calm Radio",
      amount: "-6.99",
    });
  });

  it("splits a file with an account column into its accounts", () => {
    const file = parseBankFile(readBankFile("csv-csv2ofx/mint.csv"));
    expect(file.accounts.map((a) => a.name).sort()).toEqual(["Checking", "Savings"]);
    expect(file.transactions.map((t) => t.amount)).toEqual(["-1000.00", "-1500.00", "2000.00", "-2500.00"]);
  });

  describe("the mapping", () => {
    it("says when the day/month order was a guess, and takes the user's answer", () => {
      const bytes = readBankFile("csv-bank2ynab/20180226_12345678.csv");
      const guessed = parseBankFile(bytes);
      expect(guessed.csv!.uncertain).toContain("dateFormat");
      expect(guessed.transactions[0]!.date).toBe("2018-02-10");
      const fixed = parseBankFile(bytes, { csv: { dateFormat: "MDY" } });
      expect(fixed.transactions[0]!.date).toBe("2018-10-02");
    });

    it("flips the sign of exports that print charges as positive numbers", () => {
      const bytes = readBankFile("csv-csv2ofx/pcmastercard.csv");
      const file = parseBankFile(bytes);
      expect(file.transactions[0]!.amount).toBe("36.33");
      const flipped = parseBankFile(bytes, { csv: { amount: { kind: "signed", column: 4, negate: true } } });
      expect(flipped.transactions[0]!.amount).toBe("-36.33");
    });

    it("given back whole, reads the file the same way", () => {
      const bytes = readBankFile("csv-csv2ofx/ubs-ch-fr_trimmed.csv");
      const first = parseBankFile(bytes);
      const again = parseBankFile(bytes, { csv: first.csv!.mapping });
      expect(again.transactions).toEqual(first.transactions);
    });

    it("lets the user choose the columns the guess missed", () => {
      const bytes = csv("when,what,how much\nyesterday,coffee,3.50\n");
      expect(rejection(bytes)).toEqual({ line: 1, reason: "no column holds dates; choose the date column" });
    });

    it("uses the currency from the header, then the given one, then USD", () => {
      expect(parseBankFile(readBankFile("csv-bank2ynab/20171001-20171106.csv")).transactions[0]!.currency).toBe("EUR");
      const plain = csv("Date,Description,Amount\n2024-01-02,Coffee,-3.50\n");
      expect(parseBankFile(plain, { currency: "CAD" }).transactions[0]!.currency).toBe("CAD");
      expect(parseBankFile(plain).transactions[0]!.currency).toBe("USD");
    });
  });

  describe("rejects the whole file, naming the line", () => {
    it.each([
      ["an unclosed quote", 'Date,Description,Amount\n2024-01-02,"Coffee,-3.50\n2024-01-03,Tea,-2.00\n', 2],
      ["a quote inside a field", 'Date,Description,Amount\n2024-01-02,Cof"fee,-3.50\n', 2],
      ["an amount that is not one", "Date,Description,Amount\n2024-01-02,Coffee,-3.50\n2024-01-03,Tea,abc\n", 3],
      ["a date that is not one", "Date,Description,Amount\n2024-01-02,Coffee,-3.50\n2024-13-03,Tea,-2.00\n", 3],
      ["a missing date", "Date,Description,Amount\n2024-01-02,Coffee,-3.50\n,Tea,-2.00\n", 3],
      [
        "both debit and credit",
        "Date,Description,Debit,Credit\n2024-01-02,Coffee,3.50,\n2024-01-03,Swap,1.00,2.00\n",
        3,
      ],
      ["an amount with fractions of a cent", "Date,Description,Amount\n2024-01-02,Coffee,-3.505\n", 2],
      ["a file without amounts", "Date,Description\n2024-01-02,Coffee\n", 1],
      ["an empty file", "", 1],
    ])("%s", (_, text, line) => {
      expect(rejection(csv(text)).line).toBe(line);
    });

    it("says what is wrong", () => {
      expect(rejection(csv("Date,Description,Amount\n2024-01-03,Tea,abc\n"))).toEqual({
        line: 2,
        reason: '"abc" is not an amount',
      });
    });
  });
});
