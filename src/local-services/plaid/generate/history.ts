/**
 * Day by day, what happened in a person's checking, savings and credit-card accounts.
 * The generator carries state from one day to the next (the card's statement, savings balance,
 * a trip in progress, refunds still to come), so calling `day()` for consecutive dates — the
 * initial two years, then each "advance time" — continues one consistent story.
 */
import { addDays, dayOfMonth, daysInMonth, monthDay, monthOf, weekday } from "./calendar";
import { category, CITIES, type City, type Merchant, type StatementLine } from "./merchant";
import { isPayday, type Bill, type Profile } from "./profile";
import { poisson, type Random } from "./random";
import { pickSpendingMerchant, TRAVEL } from "./spending-merchants";

export type AccountRole = "checking" | "savings" | "credit";

/** One transaction as it happened; the ledger decides whether it has posted yet. */
export interface TransactionDraft extends StatementLine {
  account: AccountRole;
  /** Plaid's sign: positive is money leaving the account. */
  amountCents: number;
  /** The day it was authorized. */
  date: string;
  /** Days from authorization to posting; 0 posts the same day. */
  postingDays: number;
  /** Added when it posts (a restaurant tip on top of the authorization). */
  postingExtraCents: number;
}

export interface AccountMasks {
  checking: string;
  savings: string;
  credit: string;
}

const TRANSFER = {
  toSavings: category("TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
  inSavings: category("TRANSFER_IN", "TRANSFER_IN_SAVINGS"),
  outAccount: category("TRANSFER_OUT", "TRANSFER_OUT_ACCOUNT_TRANSFER"),
  inAccount: category("TRANSFER_IN", "TRANSFER_IN_ACCOUNT_TRANSFER"),
  cardPayment: category("LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
};

interface Trip {
  city: City;
  start: string;
  end: string;
}

export class HistoryGenerator {
  /** What the card owes now (charges less payments and refunds), and at the last statement. */
  private cardBalanceCents = 0;
  private statementCents = 0;
  private paymentDue: string | null = null;
  private savingsCents: number;
  private checkingCents: number;
  private trip: Trip | null = null;
  private readonly refunds = new Map<string, TransactionDraft[]>();

  constructor(
    private readonly profile: Profile,
    private readonly random: Random,
    private readonly masks: AccountMasks,
    private readonly institutionName: string,
  ) {
    this.savingsCents = profile.openingSavingsCents;
    this.checkingCents = profile.openingCheckingCents;
  }

  day(date: string): TransactionDraft[] {
    const drafts: TransactionDraft[] = [];
    this.income(date, drafts);
    for (const bill of this.profile.bills) this.bill(bill, date, drafts);
    this.ownTransfers(date, drafts);
    this.travel(date, drafts);
    this.everydaySpending(date, drafts);
    for (const refund of this.refunds.get(date) ?? []) drafts.push(this.book(refund));
    this.refunds.delete(date);
    this.creditCard(date, drafts);
    this.overdraftProtection(date, drafts);
    return drafts;
  }

  private draft(
    partial: Partial<TransactionDraft> &
      Pick<TransactionDraft, "account" | "amountCents" | "date" | "name" | "category">,
  ): TransactionDraft {
    const draft: TransactionDraft = {
      postingDays: 0,
      postingExtraCents: 0,
      merchantName: null,
      website: null,
      channel: "other",
      city: null,
      ...partial,
    };
    return this.book(draft);
  }

  /** Keeps the running figures later days depend on (the card statement, the savings balance). */
  private book(draft: TransactionDraft): TransactionDraft {
    if (draft.account === "credit") this.cardBalanceCents += draft.amountCents + draft.postingExtraCents;
    if (draft.account === "savings") this.savingsCents -= draft.amountCents;
    if (draft.account === "checking") this.checkingCents -= draft.amountCents + draft.postingExtraCents;
    return draft;
  }

  /** Extra everyday purchases on one day, for tests that need "some new transactions". */
  purchases(date: string, count: number): TransactionDraft[] {
    return Array.from({ length: count }, () =>
      this.purchase(pickSpendingMerchant(this.random), date, this.profile.home, "credit"),
    );
  }

  private income(date: string, out: TransactionDraft[]): void {
    const p = this.profile;
    if (isPayday(p, date)) {
      const cents = date >= p.raiseOn ? p.raisedPaycheckCents : p.paycheckCents;
      const name = `${p.employer} DIR DEP PPD ID: ${p.payrollId}`;
      out.push(
        this.draft({
          account: "checking",
          amountCents: -cents,
          date,
          name,
          category: category("INCOME", "INCOME_SALARY"),
        }),
      );
    }
    if (monthOf(date) === 4 && dayOfMonth(date) === 11 && this.random.chance(0.8)) {
      const cents = this.random.cents(180, 2400);
      out.push(
        this.draft({
          account: "checking",
          amountCents: -cents,
          date,
          name: "IRS TREAS 310 TAX REF",
          category: category("INCOME", "INCOME_TAX_REFUND"),
        }),
      );
    }
    if (dayOfMonth(date) === daysInMonth(date)) {
      const cents = Math.round((this.savingsCents * p.savingsApyBasisPoints) / 10000 / 12);
      if (cents > 0) {
        out.push(
          this.draft({
            account: "savings",
            amountCents: -cents,
            date,
            name: "INTEREST PAYMENT",
            category: category("INCOME", "INCOME_INTEREST_EARNED"),
          }),
        );
      }
    }
  }

  private bill(bill: Bill, date: string, out: TransactionDraft[]): void {
    const due = Math.min(bill.dayOfMonth, daysInMonth(date));
    if (dayOfMonth(date) !== due || (bill.months && !bill.months.includes(monthOf(date)))) return;
    let cents = bill.riseOn && date >= bill.riseOn ? bill.risenCents : bill.cents;
    if (bill.variation) {
      // Seasonal: dearer in winter and high summer, cheaper in spring and autumn.
      const season =
        Math.cos(((monthOf(date) - 1) / 12) * 2 * Math.PI) * 0.6 +
        0.4 * Math.abs(Math.cos(((monthOf(date) - 7) / 12) * Math.PI));
      cents = Math.round(cents * (1 + bill.variation * season * this.random.next()));
    }
    out.push(
      this.draft({
        account: bill.account,
        amountCents: cents,
        date,
        name: bill.name,
        merchantName: bill.merchantName,
        website: bill.website,
        category: bill.category,
        channel: bill.channel,
        postingDays: bill.account === "credit" ? this.random.int(0, 2) : 0,
      }),
    );
  }

  private ownTransfers(date: string, out: TransactionDraft[]): void {
    const ref = () => this.random.digits(10);
    if (dayOfMonth(date) === 16) {
      const cents = this.profile.savingsTransferCents;
      const id = ref();
      out.push(
        this.draft({
          account: "checking",
          amountCents: cents,
          date,
          name: `ONLINE TRANSFER TO SAV ...${this.masks.savings} TRANSACTION#: ${id}`,
          category: TRANSFER.toSavings,
        }),
      );
      out.push(
        this.draft({
          account: "savings",
          amountCents: -cents,
          date,
          name: `ONLINE TRANSFER FROM CHK ...${this.masks.checking} TRANSACTION#: ${id}`,
          category: TRANSFER.inSavings,
        }),
      );
    }
    if (this.trip && date === addDays(this.trip.start, -3) && this.savingsCents > 150_000) {
      const cents = this.random.int(5, 15) * 10_000;
      const id = ref();
      out.push(
        this.draft({
          account: "savings",
          amountCents: cents,
          date,
          name: `ONLINE TRANSFER TO CHK ...${this.masks.checking} TRANSACTION#: ${id}`,
          category: TRANSFER.outAccount,
        }),
      );
      out.push(
        this.draft({
          account: "checking",
          amountCents: -cents,
          date,
          name: `ONLINE TRANSFER FROM SAV ...${this.masks.savings} TRANSACTION#: ${id}`,
          category: TRANSFER.inAccount,
        }),
      );
    }
  }

  /** Overdraft protection: the bank sweeps savings into checking before checking goes negative. */
  private overdraftProtection(date: string, out: TransactionDraft[]): void {
    if (this.checkingCents >= 0 || this.savingsCents <= 0) return;
    const cents = Math.min(this.savingsCents, Math.ceil((50_000 - this.checkingCents) / 10_000) * 10_000);
    const name = `OVERDRAFT PROTECTION FROM SAV ...${this.masks.savings}`;
    out.push(
      this.draft({
        account: "savings",
        amountCents: cents,
        date,
        name: `OVERDRAFT PROTECTION TO CHK ...${this.masks.checking}`,
        category: TRANSFER.outAccount,
      }),
    );
    out.push(this.draft({ account: "checking", amountCents: -cents, date, name, category: TRANSFER.inAccount }));
  }

  private travel(date: string, out: TransactionDraft[]): void {
    const r = this.random;
    if (dayOfMonth(date) === 1 && !this.trip && r.chance(0.22)) {
      const city = r.pick(CITIES.filter((c) => c !== this.profile.home));
      const start = addDays(date, r.int(8, 24));
      this.trip = { city, start, end: addDays(start, r.int(3, 6)) };
      out.push(this.purchase(r.pick(TRAVEL.flights), date, this.profile.home, "credit"));
    }
    if (!this.trip) return;
    if (date === this.trip.start && r.chance(0.5))
      out.push(this.purchase(r.pick(TRAVEL.cars), date, this.trip.city, "credit"));
    if (date === this.trip.end) {
      out.push(this.purchase(r.pick(TRAVEL.lodging), date, this.trip.city, "credit"));
      this.trip = null;
    }
  }

  private everydaySpending(date: string, out: TransactionDraft[]): void {
    const r = this.random;
    const travelling = this.trip && date >= this.trip.start && date <= this.trip.end;
    const city = travelling ? this.trip!.city : this.profile.home;
    const weekend = weekday(date) === 0 || weekday(date) === 6;
    const count = poisson(r, this.profile.dailyPurchases * (weekend ? 1.3 : 0.88) * (travelling ? 1.4 : 1));
    for (let i = 0; i < count; i++) {
      const merchant = pickSpendingMerchant(r);
      const draft = this.purchase(merchant, date, city, r.chance(0.7) ? "credit" : "checking");
      out.push(draft);
      if (merchant.refundable && r.chance(0.07)) this.scheduleRefund(draft);
    }
    if (r.chance(0.03)) {
      const cents = r.int(2, 20) * 1000;
      const name = `ATM WITHDRAWAL ${r.digits(6)} ${monthDay(date)} ${r.int(100, 2999)} MARKET ST ${city.city} ${city.region}`;
      out.push(
        this.draft({
          account: "checking",
          amountCents: cents,
          date,
          name,
          city,
          category: category("TRANSFER_OUT", "TRANSFER_OUT_WITHDRAWAL"),
          channel: "in store",
        }),
      );
    }
    if (r.chance(0.05)) {
      const received = r.chance(0.35);
      const cents = r.cents(8, 160);
      const name = received
        ? `VENMO CASHOUT PPD ID: ${r.digits(10)}`
        : `VENMO PAYMENT ${r.digits(10)} WEB ID: 3264681992`;
      const cat = received
        ? category("TRANSFER_IN", "TRANSFER_IN_ACCOUNT_TRANSFER", "LOW")
        : category("TRANSFER_OUT", "TRANSFER_OUT_ACCOUNT_TRANSFER", "LOW");
      out.push(
        this.draft({
          account: "checking",
          amountCents: received ? -cents : cents,
          date,
          name,
          merchantName: "Venmo",
          website: "venmo.com",
          category: cat,
        }),
      );
    }
  }

  private purchase(merchant: Merchant, date: string, city: City, account: AccountRole): TransactionDraft {
    const r = this.random;
    const cents = r.cents(merchant.minDollars, merchant.maxDollars);
    const printed = merchant.describe(r, city);
    // Debit-card lines carry the bank's own prefix and card digits around the merchant's text.
    const name =
      account === "checking"
        ? `PURCHASE AUTHORIZED ON ${monthDay(date)} ${printed} CARD ${this.masks.checking}`
        : printed;
    return this.draft({
      account,
      amountCents: cents,
      date,
      name,
      merchantName: merchant.name,
      website: merchant.website,
      category: merchant.category,
      channel: merchant.channel,
      city: merchant.channel === "in store" ? city : null,
      postingDays: r.int(1, 3),
      postingExtraCents: merchant.tips ? Math.round((cents * r.int(15, 22)) / 100) : 0,
    });
  }

  private scheduleRefund(purchase: TransactionDraft): void {
    const on = addDays(purchase.date, this.random.int(5, 21));
    const cents = this.random.chance(0.75) ? purchase.amountCents : Math.round(purchase.amountCents / 2);
    // Refunds keep the purchase's category and come back as a credit (negative in Plaid's sign).
    const name = purchase.name.replace(
      /^PURCHASE AUTHORIZED ON \d\d\/\d\d/,
      `PURCHASE RETURN AUTHORIZED ON ${monthDay(on)}`,
    );
    const refund = { ...purchase, name, date: on, amountCents: -cents, postingExtraCents: 0, postingDays: 1 };
    this.refunds.set(on, [...(this.refunds.get(on) ?? []), refund]);
  }

  private creditCard(date: string, out: TransactionDraft[]): void {
    if (dayOfMonth(date) === Math.min(this.profile.cardClosingDay, daysInMonth(date))) {
      this.statementCents = this.cardBalanceCents;
      this.paymentDue = addDays(date, 21);
    }
    if (date !== this.paymentDue) return;
    this.paymentDue = null;
    const cents = this.statementCents;
    if (cents <= 0) return;
    const name = `${this.institutionName.toUpperCase()} CARD AUTOPAY PPD ID: ${this.masks.credit}${this.masks.checking}00`;
    out.push(this.draft({ account: "checking", amountCents: cents, date, name, category: TRANSFER.cardPayment }));
    out.push(
      this.draft({
        account: "credit",
        amountCents: -cents,
        date,
        name: "AUTOMATIC PAYMENT - THANK YOU",
        category: TRANSFER.cardPayment,
      }),
    );
    this.statementCents = 0;
  }
}
