/**
 * Generated ledgers for analytics and chat tests: several users in different time zones, each
 * with accounts in two currencies and a credit card, a year and more of everyday spending,
 * refunds, transfers between their own accounts (paired), card payments, a monthly salary, rent
 * and subscriptions (one with a price rise), user recategorizations and rows without merchant
 * keys. Seeded, so a failing test sees the same data again.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { directionOf, fromMinorUnits } from "~/server/transaction/money";
import { fromCalendarDate } from "~/server/time/calendar";

export type LedgerUser = {
  id: string;
  email: string;
  timezone: string;
  checking: string;
  savings: string;
  euro: string;
  card: string;
};

type Merchant = { name: string; key: string | null; category: string; detailed: string; min: number; max: number };

const EVERYDAY: Merchant[] = [
  {
    name: "Whole Foods",
    key: "whole foods",
    category: "FOOD_AND_DRINK",
    detailed: "FOOD_AND_DRINK_GROCERIES",
    min: 2000,
    max: 9000,
  },
  {
    name: "Blue Bottle Coffee",
    key: "blue bottle coffee",
    category: "FOOD_AND_DRINK",
    detailed: "FOOD_AND_DRINK_COFFEE",
    min: 350,
    max: 900,
  },
  {
    name: "Uber",
    key: "uber",
    category: "TRANSPORTATION",
    detailed: "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
    min: 900,
    max: 4500,
  },
  {
    name: "Amazon",
    key: "amazon",
    category: "GENERAL_MERCHANDISE",
    detailed: "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
    min: 1000,
    max: 12000,
  },
  // No merchant key: analytics must fall back to the description.
  {
    name: "CORNER DELI #4411",
    key: null,
    category: "FOOD_AND_DRINK",
    detailed: "FOOD_AND_DRINK_RESTAURANT",
    min: 800,
    max: 2500,
  },
  { name: "Shell", key: "shell", category: "TRANSPORTATION", detailed: "TRANSPORTATION_GAS", min: 3000, max: 7000 },
];

const EURO_SHOPS: Merchant[] = [
  {
    name: "Carrefour",
    key: "carrefour",
    category: "FOOD_AND_DRINK",
    detailed: "FOOD_AND_DRINK_GROCERIES",
    min: 1500,
    max: 8000,
  },
  {
    name: "Café de Flore",
    key: "cafe de flore",
    category: "FOOD_AND_DRINK",
    detailed: "FOOD_AND_DRINK_COFFEE",
    min: 300,
    max: 1200,
  },
];

/** mulberry32: tiny, seeded, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

type Row = Prisma.TransactionCreateManyInput;

function tx(
  userId: string,
  accountId: string,
  day: string,
  minor: number,
  currency: string,
  m: Partial<Merchant> & { name: string },
  extra: Partial<Row> = {},
): Row {
  const amount = fromMinorUnits(BigInt(minor));
  return {
    id: randomUUID(),
    userId,
    accountId,
    providerTransactionId: randomUUID(),
    amount,
    currency,
    direction: directionOf(amount),
    merchantName: m.key === null ? null : m.name,
    merchantKey: m.key ?? null,
    description: m.key === null ? m.name : `${m.name.toUpperCase()} ${Math.abs(minor) % 9000}`,
    category: m.category ?? null,
    categoryDetailed: m.detailed ?? null,
    transactionDate: fromCalendarDate(day),
    ...extra,
  };
}

export async function generateLedgerUser(
  db: Db,
  options: { seed: number; timezone: string; from: string; to: string; currency?: string },
): Promise<LedgerUser> {
  const random = rng(options.seed);
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  const user = await db.user.create({
    data: {
      email: `ledger-${randomUUID()}@example.com`,
      passwordHash: "x",
      timezone: options.timezone,
      preferences: { create: {} },
    },
    select: { id: true, email: true },
  });
  const account = (name: string, currency: string, type: "CHECKING" | "SAVINGS" | "CREDIT", balance: string) =>
    db.bankAccount.create({
      data: { userId: user.id, name, currency, type, currentBalance: balance },
      select: { id: true },
    });
  const checking = (await account("Checking", "USD", "CHECKING", "2450.37")).id;
  const euro = (await account("Compte courant", "EUR", "CHECKING", "812.90")).id;
  // Stored signed like the ledger: the card owes 640.12.
  const card = (await account("Visa", "USD", "CREDIT", "-640.12")).id;
  const savings = (await account("Savings", "USD", "SAVINGS", "10000.00")).id;

  const rows: Row[] = [];
  const u = user.id;
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const dom = Number(day.slice(8, 10));
    // Everyday spending: a few charges a day on the card or checking.
    for (let i = between(0, 3); i > 0; i--) {
      const m = EVERYDAY[between(0, EVERYDAY.length - 1)]!;
      const onCard = random() < 0.6;
      const row = tx(u, onCard ? card : checking, day, -between(m.min, m.max), "USD", m);
      // Some the user recategorized themselves: their choice wins.
      if (random() < 0.05) Object.assign(row, { userCategory: "ENTERTAINMENT", userCategoryDetailed: null });
      if (random() < 0.03) row.status = "PENDING";
      rows.push(row);
    }
    if (random() < 0.25) {
      const m = EURO_SHOPS[between(0, EURO_SHOPS.length - 1)]!;
      rows.push(tx(u, euro, day, -between(m.min, m.max), "EUR", m));
    }
    // A refund now and then: positive, in the category it refunds.
    if (random() < 0.04) rows.push(tx(u, card, day, between(500, 4000), "USD", EVERYDAY[3]!));
    if (dom === 1)
      rows.push(
        tx(u, checking, day, -185000, "USD", {
          name: "Parkside Apartments",
          key: "parkside apartments",
          category: "RENT_AND_UTILITIES",
          detailed: "RENT_AND_UTILITIES_RENT",
        }),
      );
    if (dom === 25)
      rows.push(
        tx(u, checking, day, 421550, "USD", {
          name: "ACME Corp Payroll",
          key: "acme corp payroll",
          category: "INCOME",
          detailed: "INCOME_WAGES",
        }),
      );
    if (dom === 3) {
      rows.push(
        tx(u, card, day, -1549, "USD", {
          name: "Netflix",
          key: "netflix",
          category: "ENTERTAINMENT",
          detailed: "ENTERTAINMENT_TV_AND_MOVIES",
        }),
      );
    }
    if (dom === 12)
      rows.push(
        tx(u, euro, day, -1199, "EUR", {
          name: "Spotify",
          key: "spotify",
          category: "ENTERTAINMENT",
          detailed: "ENTERTAINMENT_MUSIC_AND_AUDIO",
        }),
      );
    if (dom === 20) {
      // Card payment from checking: money moving between pockets, not spending.
      rows.push(
        tx(u, checking, day, -90000, "USD", {
          name: "Visa Payment",
          key: "visa payment",
          category: "LOAN_PAYMENTS",
          detailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
        }),
      );
      rows.push(
        tx(u, card, day, 90000, "USD", {
          name: "Payment Thank You",
          key: "payment thank you",
          category: "LOAN_PAYMENTS",
          detailed: "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
        }),
      );
    }
    if (dom === 15 && random() < 0.5) {
      // A paired transfer between the user's own accounts, categorized as spending by mistake on one side.
      const out = tx(u, checking, day, -30000, "USD", {
        name: "Transfer to savings",
        key: "transfer to savings",
        category: "GENERAL_SERVICES",
        detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES",
      });
      const into = tx(u, savings, day, 30000, "USD", {
        name: "Transfer from checking",
        key: "transfer from checking",
        category: "TRANSFER_IN",
        detailed: "TRANSFER_IN_ACCOUNT_TRANSFER",
      });
      out.transferPeerId = into.id;
      into.transferPeerId = out.id;
      rows.push(out, into);
    }
    if (random() < 0.02)
      rows.push(
        tx(u, checking, day, -between(2000, 20000), "USD", {
          name: "ATM Withdrawal",
          key: "atm",
          category: "TRANSFER_OUT",
          detailed: "TRANSFER_OUT_WITHDRAWAL",
        }),
      );
  }
  // The latest Netflix charge comes at a new price.
  const lastNetflix = rows.filter((r) => r.merchantKey === "netflix").at(-1);
  if (lastNetflix) lastNetflix.amount = "-17.99";
  // Transfers reference each other: insert the rows first, then link them.
  const peers = rows.filter((r) => r.transferPeerId).map((r) => ({ id: r.id!, peer: r.transferPeerId! }));
  await db.transaction.createMany({ data: rows.map((r) => ({ ...r, transferPeerId: null })) });
  for (const { id, peer } of peers) await db.transaction.update({ where: { id }, data: { transferPeerId: peer } });
  return { id: u, email: user.email, timezone: options.timezone, checking, savings, euro, card };
}
