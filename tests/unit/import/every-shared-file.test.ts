/**
 * Every file in shared/data/bank-files is either read with the outcome below or rejected with the
 * line shown. The expectations are per file, decided by looking at each one; the comments say why
 * where the outcome is not obvious. A file added to the folder later must at least parse or fail
 * with an ImportError naming a line.
 */
import { describe, expect, it } from "vitest";
import { ImportError } from "~/server/import/import-error";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { listBankFiles, readBankFile } from "./bank-files";

type Outcome = { transactions: number } | { line: number };

const EXPECTED: Record<string, Outcome> = {
  "csv-bank2ynab/20171001-20171106.csv": { transactions: 1 },
  "csv-bank2ynab/2018-04-14_10-52-13_bunq-transactieoverzicht.csv": { transactions: 3 },
  "csv-bank2ynab/20180226-1000594757-umsatz.CSV": { transactions: 1 },
  "csv-bank2ynab/20180226_12345678.csv": { transactions: 1 },
  "csv-bank2ynab/2019-03-02_11-50-46_bunq-statement.csv": { transactions: 7 },
  "csv-bank2ynab/CSV_A_20180414_112204.csv": { line: 5 }, // line 5 opens without its quote: a damaged export, rejected rather than guessed
  "csv-bank2ynab/MS_JANE_SMITH_01-12-2019_14-12-2019.csv": { transactions: 10 },
  "csv-bank2ynab/MonzoDataExport_February2018_2018-02-26_174335.csv": { transactions: 1 },
  "csv-bank2ynab/Movements_1234512345_201805271848.csv": { transactions: 1 },
  "csv-bank2ynab/TH_20180101-20180523_page_1.csv": { line: 2 }, // anonymised: every date is "1111/11/11"
  "csv-bank2ynab/TH_20180101-20180523_strana_1.csv": { line: 2 }, // anonymised: every date is "1111/11/11"
  "csv-bank2ynab/TH_20180521-20180523.csv": { line: 2 }, // anonymised: every date is "1111/11/11"
  "csv-bank2ynab/TransactionHistory_20180418043121.csv": { transactions: 8 },
  "csv-bank2ynab/Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV": { transactions: 1 },
  "csv-bank2ynab/W80844_EBH_201945.202122.csv": { transactions: 2 },
  "csv-bank2ynab/dba33fceecd62c3c727893361e0ba4d3.P000000027355791.csv": { transactions: 1 },
  "csv-bank2ynab/export_BE11123456789012_20180304_1422.csv": { transactions: 1 },
  "csv-bank2ynab/export_KBC-Mastercard Business Essential_20200204_1604.csv": { transactions: 3 },
  "csv-bank2ynab/kta_ei.dat": { transactions: 11 },
  "csv-bank2ynab/statement_1.csv": { transactions: 1 },
  "csv-bank2ynab/test_BOI_TransactionExport.csv": { transactions: 27 },
  "csv-bank2ynab/test_delimiter_tab.csv": { transactions: 73 },
  "csv-bank2ynab/test_headers.csv": { transactions: 73 },
  "csv-bank2ynab/test_raiffeisen_01.csv": { transactions: 73 },
  "csv-bank2ynab/test_raiffeisen_02.csv": { transactions: 73 },
  "csv-bank2ynab/test_regex_123456_87654321_1234_21_12.csv": { transactions: 73 },
  "csv-bank2ynab/test_row_format_CD_flag.csv": { transactions: 73 },
  "csv-bank2ynab/test_row_format_default.csv": { transactions: 73 },
  "csv-bank2ynab/test_row_format_neg_inflow.csv": { transactions: 73 },
  "csv-bank2ynab/test_swedebank_statement.xls": { transactions: 13 }, // CSV despite its name; opening/turnover/closing balance rows skipped
  "csv-bank2ynab/umsatz-1234________1234-20180227.CSV": { transactions: 1 },
  "csv-csv2ofx/amazon.csv": { transactions: 3 },
  "csv-csv2ofx/capitalone.csv": { transactions: 2 },
  "csv-csv2ofx/creditunion.csv": { transactions: 8 },
  "csv-csv2ofx/default.csv": { transactions: 8 },
  "csv-csv2ofx/gls.csv": { transactions: 1 },
  "csv-csv2ofx/ingesp.csv": { transactions: 10 },
  "csv-csv2ofx/mint.csv": { transactions: 4 },
  "csv-csv2ofx/mint_extra.csv": { transactions: 4 },
  "csv-csv2ofx/mint_headerless.csv": { transactions: 4 },
  "csv-csv2ofx/n26-fr.csv": { transactions: 2 },
  "csv-csv2ofx/outbank.csv": { transactions: 4 },
  "csv-csv2ofx/payoneer.csv": { transactions: 2 },
  "csv-csv2ofx/pcmastercard.csv": { transactions: 2 },
  "csv-csv2ofx/schwab-checking-baltest-case1.csv": { transactions: 4 },
  "csv-csv2ofx/schwab-checking.csv": { transactions: 4 },
  "csv-csv2ofx/stripe-all.csv": { transactions: 5 },
  "csv-csv2ofx/stripe-default.csv": { transactions: 5 },
  "csv-csv2ofx/ubs-ch-fr_trimmed.csv": { transactions: 3 },
  "csv-csv2ofx/xero.csv": { transactions: 13 },
  "csv-hledger/csb43.csv": { transactions: 2 },
  "csv-hledger/malformed/csvamountonenonzero.csv": { transactions: 3 }, // hledger complains about its rules (amount-in and amount-out); as plain CSV: date, signed amount, and a third column ignored
  "csv-hledger/malformed/csvamountparse.csv": { line: 5 }, // "badamount"
  "csv-hledger/malformed/csvbalanceparse.csv": { line: 3 }, // only a date and the word "badbalance": no amount
  "csv-hledger/malformed/csvbalancetypeparse.csv": { transactions: 1 }, // the error is in hledger's rules file; the CSV itself is a valid date + amount
  "csv-hledger/malformed/csvdateformat.csv": { line: 3 }, // "a,b": no dates
  "csv-hledger/malformed/csvdateparse.csv": { line: 3 }, // "2022-01-01,b" then "baddate,b": half the column is not dates
  "csv-hledger/malformed/csvdaterule.csv": { line: 3 }, // "a,b": no dates
  "csv-hledger/malformed/csvdecimalmarkparse.csv": { transactions: 1 }, // the error is in hledger's rules file; the CSV itself is a valid date + amount
  "csv-hledger/malformed/csvifblocknonempty.csv": { line: 3 }, // "a,b": no dates
  "csv-hledger/malformed/csviftablefieldnames.csv": { line: 1 }, // comment lines only (the test lives in hledger's rules file)
  "csv-hledger/malformed/csviftablenonempty.csv": { line: 1 }, // comment lines only
  "csv-hledger/malformed/csviftablevaluecount.csv": { line: 1 }, // comment lines only
  "csv-hledger/malformed/csvnoinclude.csv": { line: 1 }, // zero bytes
  "csv-hledger/malformed/csvskipvalue.csv": { line: 1 }, // comment lines only
  "csv-hledger/malformed/csvstatusparse.csv": { line: 3 }, // dates and "*"/"!": no amount
  "csv-hledger/malformed/csvtwofields.csv": { line: 3 }, // letters only, no dates
  "csv-hledger/monefy.csv": { transactions: 8 },
  "csv-hledger/paypal-custom.csv": { transactions: 7 },
  "csv-hledger/sample.csv": { transactions: 3 },
  "csv-hledger/sample.fr.cp1252.csv": { transactions: 3 },
  "csv-hledger/sample.fr.iso88591.csv": { transactions: 3 },
  "csv-hledger/sample.fr.utf8.csv": { transactions: 3 },
  "csv-hledger/stripe.csv": { transactions: 2 },
  "csv-hledger/t.iso8859-1.csv": { transactions: 1 },
  "csv-hledger/ynab4-rtl.csv": { transactions: 2 },
  "ofx-ofx-js/credit-card.qfx": { transactions: 5 },
  "ofx-ofx-js/example-xml.qfx": { transactions: 1 },
  "ofx-ofx-js/example1.ofx": { transactions: 5 },
  "ofx-ofx-js/example2.ofx": { line: 43 }, // anonymised: dates are "****"
  "ofx-ofxparse/account_listing_aggregation.ofx": { transactions: 0 },
  "ofx-ofxparse/anzcc.ofx": { transactions: 1 },
  "ofx-ofxparse/bank_medium.ofx": { transactions: 3 },
  "ofx-ofxparse/bank_small.ofx": { transactions: 0 },
  "ofx-ofxparse/checking.ofx": { transactions: 3 },
  "ofx-ofxparse/error_message.ofx": { line: 22 }, // the bank answered STATUS 2000 ERROR instead of a statement
  "ofx-ofxparse/fail_nice/date_missing.ofx": { line: 33 }, // a STMTTRN without DTPOSTED
  "ofx-ofxparse/fail_nice/decimal_error.ofx": { line: 36 }, // DTPOSTED 201120000000 (month 20), TRNAMT "$120"
  "ofx-ofxparse/fail_nice/empty_balance.ofx": { transactions: 1 }, // blank <BALAMT> = no balance given (as in ofx-v102-empty-tags.ofx); its one transaction is fine
  "ofx-ofxparse/fidelity-savings.ofx": { transactions: 4 },
  "ofx-ofxparse/fidelity.ofx": { transactions: 3 },
  "ofx-ofxparse/investment_401k.ofx": { transactions: 0 },
  "ofx-ofxparse/investment_medium.ofx": { transactions: 3 },
  "ofx-ofxparse/multiple_accounts.ofx": { transactions: 0 },
  "ofx-ofxparse/multiple_accounts2.ofx": { transactions: 0 },
  "ofx-ofxparse/ofx-v102-empty-tags.ofx": { transactions: 1 },
  "ofx-ofxparse/signon_fail.ofx": { line: 11 }, // sign-on refused (code 15500)
  "ofx-ofxparse/signon_success.ofx": { transactions: 0 },
  "ofx-ofxparse/signon_success_no_message.ofx": { transactions: 0 },
  "ofx-ofxparse/suncorp.ofx": { transactions: 1 },
  "ofx-ofxparse/td_ameritrade.ofx": { transactions: 0 },
  "ofx-ofxparse/tiaacref.ofx": { transactions: 0 },
  "ofx-ofxparse/vanguard.ofx": { transactions: 0 },
  "ofx-ofxparse/vanguard401k.ofx": { transactions: 0 },
  "qif-quiffen/empty.qif": { line: 1 }, // zero bytes
  "qif-quiffen/test.qif": { transactions: 6 },
  "qif-quiffen/test_category_inherit.qif": { transactions: 0 },
  "qif-quiffen/test_category_override.qif": { transactions: 4 },
  "qif-quiffen/test_circular_reference.qif": { transactions: 2 },
  "qif-quiffen/test_clear_autoswitch.qif": { transactions: 0 },
  "qif-quiffen/test_nosymbol.qif": { transactions: 0 },
  "qif-quiffen/test_option_autoswitch.qif": { transactions: 0 },
  "qif-quiffen/test_oth_a.qif": { transactions: 6 },
  "qif-quiffen/test_split.qif": { transactions: 1 },
  "qif-quiffen/test_transaction_before_account_definition_1.qif": { transactions: 2 },
  "qif-quiffen/test_transaction_before_account_definition_2.qif": { transactions: 2 },
  "qif-quiffen/test_unknown_account_type.qif": { transactions: 0 },
};

function outcomeOf(file: string): Outcome | { crash: unknown } {
  try {
    const parsed = parseBankFile(readBankFile(file), { fileName: file.split("/").pop() });
    for (const t of parsed.transactions) {
      expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.amount).toMatch(/^-?\d{1,13}\.\d{2}$/);
      expect(t.currency).toMatch(/^[A-Z]{3}$/);
      expect(t.line).toBeGreaterThan(0);
    }
    return { transactions: parsed.transactions.length };
  } catch (error) {
    if (error instanceof ImportError) return { line: error.line };
    return { crash: error };
  }
}

describe("every shared bank file", () => {
  const files = listBankFiles();

  it("has an expectation for every file in the folder", () => {
    expect(files.length).toBeGreaterThanOrEqual(117);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  it.each(files)("%s is read or rejected with a line number", (file) => {
    const outcome = outcomeOf(file);
    expect(outcome).toEqual(EXPECTED[file]);
  });
});
