/**
 * The offline categorizer follows ../shared/data/categorization/LABELING-RULES.md. Descriptions
 * written for this test from the rules' wording, none taken from the evaluation set.
 */
import { describe, expect, it } from "vitest";
import { predictOffline } from "~/server/categorize/predict-offline";

const cases: [rule: string, description: string, amount: string, detailed: string][] = [
  ["card payment, checking side", "CHASE CREDIT CRD AUTOPAY", "-250.00", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  ["card payment, card side", "PAYMENT - THANK YOU", "250.00", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  ["card payment, card side, bare", "PAYMENT RECEIVED", "250.00", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"],
  [
    "card payment, card side, bare with a reference",
    "ELECTRONIC PAYMENT 000123",
    "250.00",
    "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
  ],
  ["to savings", "ONLINE TRANSFER TO SAVINGS 1234", "-100.00", "TRANSFER_OUT_SAVINGS"],
  ["to savings, abbreviated", "ONLINE TRANSFER TO SAV XXXX1234", "-100.00", "TRANSFER_OUT_SAVINGS"],
  ["own accounts", "ONLINE TRANSFER FROM CHK XXXX9876", "100.00", "TRANSFER_IN_ACCOUNT_TRANSFER"],
  ["to a brokerage", "ROBINHOOD FUNDS TRANSFER", "-500.00", "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS"],
  [
    "an investing app's subscription",
    "ACORNS SUBSCRIPTION",
    "-3.00",
    "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING",
  ],
  ["P2P received, whatever the note", "Venmo payment from Alex Rivera dinner", "40.00", "TRANSFER_IN_ACCOUNT_TRANSFER"],
  ["P2P sent with a purpose", "Zelle payment to Sam Lee for rent", "-900.00", "RENT_AND_UTILITIES_RENT"],
  ["P2P processing a merchant", "PAYPAL *SPOTIFY", "-9.99", "ENTERTAINMENT_MUSIC_AND_AUDIO"],
  ["marketplace refund", "AMZN Mktp US refund", "23.99", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"],
  ["payroll from a retailer", "DIRECT DEP WALMART PAYROLL", "1200.00", "INCOME_SALARY"],
  ["cash deposit", "MOBILE DEPOSIT", "300.00", "TRANSFER_IN_DEPOSIT"],
  ["ATM fee", "ATM FEE", "-3.00", "BANK_FEES_ATM_FEES"],
  ["cash withdrawal fee", "CASH WITHDRAWAL FEE", "-2.50", "BANK_FEES_ATM_FEES"],
  ["a fee for a wire is a fee", "OUTGOING WIRE FEE", "-25.00", "BANK_FEES_OTHER_BANK_FEES"],
  ["a fee for a transfer is a fee", "SEPA-Überweisung Entgelt", "-1.50", "BANK_FEES_OTHER_BANK_FEES"],
  ["the card networks' fee abroad", "INTERNATIONAL SERVICE ASSESSMENT", "-0.45", "BANK_FEES_FOREIGN_TRANSACTION_FEES"],
  ["ATM withdrawal, German abbreviation", "GA NR00004711 BLZ12345678 0", "-200.00", "TRANSFER_OUT_WITHDRAWAL"],
  ["ATM withdrawal, Dutch abbreviation", "GEA, Betaalpas Geldmaat Utrecht", "-50.00", "TRANSFER_OUT_WITHDRAWAL"],
  ["ATM withdrawal, abbreviated", "CSH WDL 14MAR", "-40.00", "TRANSFER_OUT_WITHDRAWAL"],
  ["gas utility", "PGANDE WEB ONLINE", "-120.00", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"],
  ["gas utility paid as a bill", "RIVERTON GAS ONLINE PMT", "-80.00", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"],
  ["gas utility by name", "LAKESIDE GAS COMPANY", "-80.00", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"],
  ["fuel", "SHELL OIL 57444", "-40.00", "TRANSPORTATION_GAS"],
];

describe("offline categorizer and the labeling rules", () => {
  it.each(cases)("%s: %s", (_rule, description, amount, detailed) => {
    expect(predictOffline({ description, amount }).detailed).toBe(detailed);
  });

  it("reads a credit naming its payer as money from the payer, not as a card payment", () => {
    const named = predictOffline({ description: "PAYMENT RECEIVED ACME SUPPLY CO", amount: "250.00" });
    expect(named.detailed).not.toBe("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT");
    expect(["INCOME", "TRANSFER_IN"]).toContain(named.primary);
  });
});
