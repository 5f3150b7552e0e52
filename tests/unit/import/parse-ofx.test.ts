import { describe, expect, it } from "vitest";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { readBankFile } from "./bank-files";
import { rejection } from "./rejection";

const SGML = (body: string) =>
  `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKACCTFROM><ACCTID>99887766<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${body}\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`;

describe("OFX and QFX", () => {
  it("reads OFX 1.x SGML with unclosed leaf elements", () => {
    const file = parseBankFile(readBankFile("ofx-ofx-js/example1.ofx"));
    expect(file.format).toBe("ofx");
    expect(file.accounts).toEqual([
      { key: "1234567-00", name: "Savings 6700", type: "SAVINGS", currency: "NZD", mask: "6700", balance: "4225.79" },
    ]);
    expect(file.transactions[2]).toEqual({
      line: 54,
      date: "2012-09-07",
      amount: "-100.00",
      currency: "NZD",
      description: "06 0773 0214764 33 / Debit Transfer: Bike",
      payee: "06 0773 0214764 33",
      externalId: "20120907.0",
      account: "1234567-00",
      metadata: { type: "DEBIT" },
    });
  });

  it("reads OFX 2.x XML, credit cards, and several statements in one file", () => {
    expect(parseBankFile(readBankFile("ofx-ofxparse/anzcc.ofx")).accounts[0]).toMatchObject({
      type: "CREDIT",
      currency: "AUD",
    });
    const multiple = parseBankFile(readBankFile("ofx-ofxparse/multiple_accounts2.ofx"));
    expect(multiple.accounts).toHaveLength(2);
  });

  it("labels a .qfx file as QFX", () => {
    const file = parseBankFile(readBankFile("ofx-ofx-js/credit-card.qfx"), { fileName: "credit-card.qfx" });
    expect(file.format).toBe("qfx");
    expect(file.transactions[0]).toMatchObject({ amount: "-6.88", currency: "CAD", payee: "7 DAYS COFFEE VANCOUVER" });
  });

  it("reads CDATA sections as text", () => {
    const file = parseBankFile(readBankFile("ofx-ofxparse/suncorp.ofx"));
    expect(file.transactions[0]!.payee).toBe("EFTPOS WDL HANDYWAY ALDI STORE");
  });

  it("rounds fractions of a cent and keeps the exact figure", () => {
    const file = parseBankFile(readBankFile("ofx-ofxparse/fidelity-savings.ofx"));
    const fine = file.transactions.find((t) => t.metadata?.exactAmount);
    expect(fine).toMatchObject({ amount: "115.83", metadata: { exactAmount: "00000000000115.8331" } });
  });

  it("takes a transaction's own <CURRENCY> over the statement's", () => {
    const file = parseBankFile(readBankFile("ofx-ofxparse/ofx-v102-empty-tags.ofx"));
    expect(file.transactions[0]).toMatchObject({ amount: "12.34", currency: "AUD", externalId: null });
  });

  it("treats a blank balance as no balance", () => {
    const file = parseBankFile(readBankFile("ofx-ofxparse/fail_nice/empty_balance.ofx"));
    expect(file.accounts[0]!.balance).toBeNull();
    expect(file.transactions).toHaveLength(1);
  });

  it("lists investment trades as skipped, keeping the cash lines", () => {
    const file = parseBankFile(readBankFile("ofx-ofxparse/fidelity.ofx"));
    expect(file.transactions.map((t) => t.description)).toContain("INTEREST EARNED");
    expect(file.skipped.length).toBeGreaterThan(0);
  });

  describe("rejects, naming the line and the element", () => {
    it("a transaction without a date", () => {
      expect(rejection(readBankFile("ofx-ofxparse/fail_nice/date_missing.ofx"))).toEqual({
        line: 33,
        reason: "<STMTTRN> has no <DTPOSTED>",
      });
    });
    it("an impossible date", () => {
      expect(rejection(SGML("<STMTTRN><DTPOSTED>20120231<TRNAMT>1.00</STMTTRN>"))).toEqual({
        line: 9,
        reason: '<DTPOSTED> "20120231" is not a date (YYYYMMDD…)',
      });
    });
    it("an amount with a currency symbol", () => {
      expect(rejection(SGML("<STMTTRN><DTPOSTED>20120201\n<TRNAMT>$120</STMTTRN>"))).toEqual({
        line: 10,
        reason: '<TRNAMT> "$120" is not an amount',
      });
    });
    it("a truncated file", () => {
      const whole = SGML("<STMTTRN>\n<DTPOSTED>20120201\n<TRNAMT>1.00\n</STMTTRN>");
      expect(rejection(whole.slice(0, whole.indexOf("</STMTTRN>")))).toEqual({
        line: 9,
        reason: "<STMTTRN> is never closed (the file ends first)",
      });
    });
    it("a closing tag for an element that is not open", () => {
      expect(rejection(SGML("</MEMO>")).reason).toBe("</MEMO> closes an element that is not open");
    });
    it("a sign-on the bank refused, with the bank's message", () => {
      expect(rejection(readBankFile("ofx-ofxparse/signon_fail.ofx")).reason).toMatch(
        /^the bank refused the sign-on: Your request could not be processed .* \(code 15500\)$/,
      );
    });
    it("a statement replaced by an error", () => {
      expect(rejection(readBankFile("ofx-ofxparse/error_message.ofx"))).toEqual({
        line: 22,
        reason: "the bank sent an error instead of a statement: General Server Error (code 2000)",
      });
    });
  });
});
