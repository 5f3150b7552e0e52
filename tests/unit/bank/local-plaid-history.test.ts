import { describe, expect, it } from "vitest";
import { findInstitution, BENCHMARK_INSTITUTION_ID } from "~/local-services/plaid/institutions";
import { Ledger, type LedgerTransaction } from "~/local-services/plaid/state/ledger";
import { LocalItem } from "~/local-services/plaid/state/local-item";

const PLATYPUS = findInstitution("ins_109508")!;
const item = (seed: string, today = "2025-06-30", itemId = "item-1") =>
  new LocalItem(itemId, PLATYPUS, { seed, today, webhook: null });
const history = (i: LocalItem) => [...i.ledger.values()];

describe("generated history", () => {
  it("is the same for the same seed, and different for another", () => {
    const a = history(item("seed-a"));
    expect(history(item("seed-a"))).toEqual(a);
    const b = history(item("seed-b"));
    expect(b.map((t) => t.name)).not.toEqual(a.map((t) => t.name));
  });

  it("covers two years of checking, savings and card activity ending today", () => {
    const i = item("seed-a");
    const dates = history(i)
      .map((t) => t.authorizedDate)
      .sort();
    expect(dates[0]! <= "2023-07-05").toBe(true);
    expect(dates.at(-1)).toBe("2025-06-30");
    expect(i.accounts.map((a) => a.subtype)).toEqual(["checking", "savings", "credit card"]);
    for (const account of i.accounts) {
      expect(history(i).filter((t) => t.accountId === account.accountId).length).toBeGreaterThan(20);
    }
    expect(history(i).length).toBeGreaterThan(1500);
  });

  it("has the life a bank statement shows: pay, rent, bills, shopping, transfers, card payments, refunds", () => {
    const txs = history(item("seed-a"));
    const details = new Set(txs.map((t) => t.category.detailed));
    for (const detailed of [
      "INCOME_SALARY",
      "RENT_AND_UTILITIES_RENT",
      "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
      "FOOD_AND_DRINK_GROCERIES",
      "FOOD_AND_DRINK_RESTAURANT",
      "TRAVEL_FLIGHTS",
      "TRANSFER_OUT_SAVINGS",
      "TRANSFER_IN_SAVINGS",
      "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
      "INCOME_INTEREST_EARNED",
    ]) {
      expect(details, detailed).toContain(detailed);
    }
    const refunds = txs.filter((t) => t.amountCents < 0 && t.category.primary === "GENERAL_MERCHANDISE");
    expect(refunds.length).toBeGreaterThan(0);
    expect(txs.some((t) => t.name.startsWith("UBER *TRIP HELP.UBER.COM"))).toBe(true);
    expect(txs.some((t) => /^AMZN Mktp US\*[A-Z0-9]{6}$/.test(t.name))).toBe(true);
    expect(txs.some((t) => /^SQ \*BLUE BOTTLE \d{4} [A-Z ]+ [A-Z]{2}$/.test(t.name))).toBe(true);
  });

  it("raises some subscription prices during the two years", () => {
    const rises = ["seed-a", "seed-b", "seed-c", "seed-d"].filter((seed) => {
      const byName = new Map<string, Set<number>>();
      for (const t of history(item(seed)).filter((t) => t.category.primary === "ENTERTAINMENT")) {
        if (t.name.startsWith("NETFLIX") || t.name.startsWith("Spotify")) {
          byName.set(t.name, (byName.get(t.name) ?? new Set()).add(t.amountCents));
        }
      }
      return [...byName.values()].some((amounts) => amounts.size === 2);
    });
    expect(rises.length).toBeGreaterThan(0);
  });

  it("leaves only the last days' card purchases pending; posted ones name the authorization they replaced", () => {
    const txs = history(item("seed-a"));
    const pending = txs.filter((t) => t.pending);
    expect(pending.length).toBeGreaterThan(0);
    for (const t of pending) expect(t.date >= "2025-06-27").toBe(true);
    expect(txs.filter((t) => !t.pending && t.pendingTransactionId).length).toBeGreaterThan(100);
  });

  it("keeps balances plausible: the card is paid off monthly", () => {
    const i = item("seed-a");
    const card = i.ledger.totals(i.account("credit").accountId);
    expect(card.postedCents).toBeGreaterThanOrEqual(0);
    expect(card.postedCents).toBeLessThan(i.account("credit").limitCents!);
  });

  it("makes about 100,000 transactions for the benchmark bank, quickly", () => {
    const started = performance.now();
    const bench = new LocalItem("bench", findInstitution(BENCHMARK_INSTITUTION_ID)!, {
      seed: "bench",
      today: "2025-06-30",
      webhook: null,
    });
    const elapsed = performance.now() - started;
    expect(bench.ledger.size).toBeGreaterThan(95_000);
    expect(bench.ledger.size).toBeLessThan(105_000);
    expect(elapsed).toBeLessThan(15_000);
  });
});

describe("an item's life after linking", () => {
  it("advancing time adds the new days and posts due authorizations under new ids", () => {
    const i = item("seed-a");
    const pendingBefore = history(i)
      .filter((t) => t.pending)
      .map((t) => t.transactionId);
    const { added, posted } = i.advance(5);
    expect(i.today).toBe("2025-07-05");
    expect(added.length).toBeGreaterThan(0);
    expect(posted.map((p) => p.pendingTransactionId)).toEqual(expect.arrayContaining(pendingBefore));
    for (const pair of posted) {
      expect(i.ledger.get(pair.pendingTransactionId)).toBeUndefined();
      expect(i.ledger.get(pair.transactionId)).toMatchObject({
        pending: false,
        pendingTransactionId: pair.pendingTransactionId,
      });
    }
  });
});

describe("ledger changes between cursors", () => {
  const tx = (id: string, amountCents = 100): LedgerTransaction => ({
    transactionId: id,
    accountId: "acc",
    amountCents,
    date: "2025-01-01",
    authorizedDate: "2025-01-01",
    name: id,
    merchantName: null,
    website: null,
    category: { primary: "OTHER", detailed: "OTHER_OTHER", confidence_level: "LOW" },
    channel: "other",
    city: null,
    pending: false,
    pendingTransactionId: null,
  });

  it("reports the net effect: added-then-removed is nothing, an old one changed is modified", () => {
    const ledger = new Ledger();
    ledger.add(tx("a"));
    ledger.add(tx("b"));
    const cursor = ledger.head;
    ledger.add(tx("c"));
    ledger.modify("a", { amountCents: 250 });
    ledger.remove("b");
    ledger.add(tx("d"));
    ledger.remove("d");
    ledger.modify("c", { amountCents: 300 });
    expect(ledger.changesBetween(cursor, ledger.head)).toEqual([
      { kind: "added", transactionId: "c", accountId: "acc" },
      { kind: "modified", transactionId: "a", accountId: "acc" },
      { kind: "removed", transactionId: "b", accountId: "acc" },
    ]);
    expect(ledger.changesBetween(0, ledger.head).map((c) => c.transactionId)).toEqual(["a", "c"]);
    expect(ledger.totals("acc").postedCents).toBe(550);
  });
});
