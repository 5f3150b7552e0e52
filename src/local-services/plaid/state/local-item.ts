/**
 * A linked Item: its accounts, its ledger and its own clock. Created with two years of history
 * already in the past; tests and the demo then move its clock forward or change its
 * transactions, and the ledger records each change for `/transactions/sync`.
 */
import { addDays, fromDayNumber, toDayNumber } from "../generate/calendar";
import { HistoryGenerator, type AccountRole, type TransactionDraft } from "../generate/history";
import { createProfile } from "../generate/profile";
import { createRandom, type Random } from "../generate/random";
import type { LocalInstitution } from "../institutions";
import { Ledger, type LedgerTransaction } from "./ledger";

export interface LocalAccount {
  accountId: string;
  role: AccountRole;
  name: string;
  officialName: string;
  mask: string;
  type: "depository" | "credit";
  subtype: "checking" | "savings" | "credit card";
  /** Balance before the first generated day, in the account's natural sign (credit: amount owed). */
  openingCents: number;
  limitCents: number | null;
}

const ID_ALPHABET = Uint8Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", (c) =>
  c.charCodeAt(0),
);
const idCodes = new Array<number>(37);

/**
 * Plaid's ids are 37 characters of [A-Za-z0-9]; five come from each 32-bit draw (62^5 < 2^32).
 * Built from char codes in one go: appending 37 one-letter strings makes a rope that costs far
 * more to flatten and collect when 100,000 ids become Map keys.
 */
export function plaidId(random: Random): string {
  for (let i = 0; i < 37;) {
    let bits = Math.floor(random.next() * 4294967296);
    for (let k = 0; k < 5 && i < 37; k++, i++) {
      idCodes[i] = ID_ALPHABET[bits % 62]!;
      bits = Math.floor(bits / 62);
    }
  }
  return String.fromCharCode.apply(null, idCodes);
}

export interface PostedPair {
  pendingTransactionId: string;
  transactionId: string;
}

export class LocalItem {
  readonly ledger = new Ledger();
  readonly accounts: LocalAccount[];
  readonly createdAt = new Date();
  webhook: string | null;
  today: string;
  /** A persistent Item error (ITEM_LOGIN_REQUIRED) until the user repairs the login. */
  loginRequired = false;
  private readonly generator: HistoryGenerator;
  private readonly ids: Random;
  private readonly controlRandom: Random;
  /** Pending transaction id → the day it posts and what is added when it does. */
  private readonly toPost = new Map<string, { postOn: string; extraCents: number }>();

  constructor(
    readonly itemId: string,
    readonly institution: LocalInstitution,
    options: { seed: string; today: string; webhook: string | null; historyDays?: number },
  ) {
    this.webhook = options.webhook;
    this.today = options.today;
    const days = options.historyDays ?? institution.historyDays;
    const start = addDays(options.today, -days + 1);
    // The story depends on seed and bank only; ids also on the item, as Plaid's ids are per Item.
    const story = createRandom(`${options.seed}/${institution.institution_id}`);
    this.ids = createRandom(`${options.seed}/${itemId}/ids`);
    this.controlRandom = createRandom(`${options.seed}/${itemId}/control`);
    const profile = createProfile(story.fork("profile"), start, days, institution.dailyPurchases);
    this.accounts = this.openAccounts(
      story.fork("accounts"),
      profile.openingCheckingCents,
      profile.openingSavingsCents,
    );
    const masks = {
      checking: this.account("checking").mask,
      savings: this.account("savings").mask,
      credit: this.account("credit").mask,
    };
    this.generator = new HistoryGenerator(profile, story.fork("days"), masks, institution.name);
    // The past is recorded as it stands today: what has posted is posted (with the id of the
    // authorization it replaced, as Plaid reports it), only the last days' purchases are pending.
    for (let day = toDayNumber(start); day <= toDayNumber(options.today); day++) {
      for (const draft of this.generator.day(fromDayNumber(day))) this.record(draft);
    }
  }

  account(role: AccountRole): LocalAccount {
    return this.accounts[role === "checking" ? 0 : role === "savings" ? 1 : 2]!;
  }

  /** Moves the clock forward: each new day brings its transactions, and due authorizations post. */
  advance(days: number): { added: string[]; posted: PostedPair[] } {
    const added: string[] = [];
    const posted: PostedPair[] = [];
    for (let i = 0; i < days; i++) {
      this.today = addDays(this.today, 1);
      for (const draft of this.generator.day(this.today)) added.push(this.record(draft).transactionId);
      posted.push(...this.postDue());
    }
    return { added, posted };
  }

  /** `count` everyday purchases dated today, posted (or pending) at once. */
  addPurchases(count: number, pending: boolean): string[] {
    return this.generator
      .purchases(this.today, count)
      .map(
        (draft) => this.record({ ...draft, postingDays: pending ? Math.max(1, draft.postingDays) : 0 }).transactionId,
      );
  }

  /** Posts every pending transaction now, the way a bank settles authorizations. */
  postAllPending(): PostedPair[] {
    return [...this.toPost.keys()].map((id) => this.post(id, this.today));
  }

  /** Plaid's enrichment keeps improving old transactions: a clearer name, a corrected amount. */
  modifySome(count: number): string[] {
    return this.pickPosted(count).map((transaction, index) => {
      const patch: Partial<LedgerTransaction> =
        index % 2 === 0
          ? { amountCents: transaction.amountCents + (transaction.amountCents >= 0 ? 100 : -100) }
          : {
              merchantName: `${transaction.merchantName ?? transaction.name.split(" ")[0]} (updated)`,
              category: { ...transaction.category, confidence_level: "VERY_HIGH" },
            };
      return this.ledger.modify(transaction.transactionId, patch).transactionId;
    });
  }

  removeSome(count: number): string[] {
    return this.pickPosted(count).map((transaction) => this.ledger.remove(transaction.transactionId).transactionId);
  }

  private pickPosted(count: number): LedgerTransaction[] {
    const posted = [...this.ledger.values()].filter((t) => !t.pending);
    const picked = new Set<LedgerTransaction>();
    while (picked.size < Math.min(count, posted.length)) picked.add(this.controlRandom.pick(posted));
    return [...picked];
  }

  private record(draft: TransactionDraft): LedgerTransaction {
    const postOn = addDays(draft.date, draft.postingDays);
    const pending = postOn > this.today;
    const transaction: LedgerTransaction = {
      transactionId: plaidId(this.ids),
      accountId: this.account(draft.account).accountId,
      amountCents: pending ? draft.amountCents : draft.amountCents + draft.postingExtraCents,
      date: pending ? draft.date : postOn,
      authorizedDate: draft.date,
      name: draft.name,
      merchantName: draft.merchantName,
      website: draft.website,
      category: draft.category,
      channel: draft.channel,
      city: draft.city,
      pending,
      pendingTransactionId: !pending && draft.postingDays > 0 ? plaidId(this.ids) : null,
    };
    this.ledger.add(transaction);
    if (pending) this.toPost.set(transaction.transactionId, { postOn, extraCents: draft.postingExtraCents });
    return transaction;
  }

  private postDue(): PostedPair[] {
    const due = [...this.toPost].filter(([, { postOn }]) => postOn <= this.today);
    return due.map(([id, { postOn }]) => this.post(id, postOn));
  }

  /** As Plaid does: the pending transaction is removed and a posted one, with a new id, points back to it. */
  private post(pendingId: string, postOn: string): PostedPair {
    const { extraCents } = this.toPost.get(pendingId)!;
    this.toPost.delete(pendingId);
    const pending = this.ledger.remove(pendingId);
    const transactionId = plaidId(this.ids);
    this.ledger.add({
      ...pending,
      transactionId,
      amountCents: pending.amountCents + extraCents,
      date: postOn,
      pending: false,
      pendingTransactionId: pendingId,
    });
    return { pendingTransactionId: pendingId, transactionId };
  }

  private openAccounts(random: Random, checkingCents: number, savingsCents: number): LocalAccount[] {
    const { checking, savings, credit } = this.institution.accounts;
    const open = (
      role: AccountRole,
      names: { name: string; official_name: string },
      type: LocalAccount["type"],
      subtype: LocalAccount["subtype"],
      openingCents: number,
      limitCents: number | null,
    ): LocalAccount => ({
      accountId: plaidId(random),
      role,
      name: names.name,
      officialName: names.official_name,
      mask: random.digits(4),
      type,
      subtype,
      openingCents,
      limitCents,
    });
    return [
      open("checking", checking, "depository", "checking", checkingCents, null),
      open("savings", savings, "depository", "savings", savingsCents, null),
      open("credit", credit, "credit", "credit card", 0, credit.limitCents),
    ];
  }
}
