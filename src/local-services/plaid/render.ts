/**
 * The server's state as Plaid's JSON (field for field what the `plaid` SDK's types describe,
 * checked against the examples in Plaid's OpenAPI spec). Amounts are integer cents inside and
 * leave as JSON numbers, as Plaid sends them: cents / 100 is the double nearest the decimal,
 * and JSON.stringify prints it back as that decimal.
 */
import type { AccountBase, Institution, Item, Transaction } from "plaid";
import type { LocalInstitution } from "./institutions";
import type { LedgerTransaction } from "./state/ledger";
import type { LocalAccount, LocalItem } from "./state/local-item";
import { itemLoginRequired } from "./plaid-error";

const NO_PAYMENT_META = {
  by_order_of: null,
  payee: null,
  payer: null,
  payment_method: null,
  payment_processor: null,
  ppd_id: null,
  reason: null,
  reference_number: null,
};

export function renderTransaction(t: LedgerTransaction, includeOriginalDescription: boolean): Transaction {
  const transaction = {
    account_id: t.accountId,
    account_owner: null,
    amount: t.amountCents / 100,
    iso_currency_code: "USD",
    unofficial_currency_code: null,
    check_number: null,
    counterparties: t.merchantName
      ? [
          {
            name: t.merchantName,
            type: "merchant",
            website: t.website,
            logo_url: null,
            entity_id: null,
            confidence_level: "VERY_HIGH",
          },
        ]
      : [],
    date: t.date,
    datetime: null,
    authorized_date: t.authorizedDate,
    authorized_datetime: null,
    location: {
      address: null,
      city: t.city ? titleCase(t.city.city) : null,
      region: t.city?.region ?? null,
      postal_code: null,
      country: t.city ? "US" : null,
      lat: null,
      lon: null,
      store_number: null,
    },
    name: t.name,
    merchant_name: t.merchantName,
    merchant_entity_id: null,
    logo_url: null,
    website: t.website,
    payment_meta: NO_PAYMENT_META,
    payment_channel: t.channel,
    pending: t.pending,
    pending_transaction_id: t.pendingTransactionId,
    personal_finance_category: t.category,
    personal_finance_category_icon_url: `https://plaid-category-icons.plaid.com/PFC_${t.category.primary}.png`,
    transaction_id: t.transactionId,
    transaction_code: null,
    transaction_type: t.channel === "in store" ? "place" : t.channel === "online" ? "digital" : "special",
    ...(includeOriginalDescription ? { original_description: t.name } : {}),
  };
  return transaction as Transaction;
}

/**
 * Depository balances count money in the account; a credit card's `current` is what is owed
 * (Plaid's convention), so the same signed sums land with opposite signs.
 */
export function renderAccount(item: LocalItem, account: LocalAccount): AccountBase {
  const { postedCents, pendingCents } = item.ledger.totals(account.accountId);
  const credit = account.type === "credit";
  const currentCents = credit ? account.openingCents + postedCents : account.openingCents - postedCents;
  const availableCents = credit ? account.limitCents! - currentCents - pendingCents : currentCents - pendingCents;
  return {
    account_id: account.accountId,
    balances: {
      available: availableCents / 100,
      current: currentCents / 100,
      limit: account.limitCents === null ? null : account.limitCents / 100,
      iso_currency_code: "USD",
      unofficial_currency_code: null,
    },
    holder_category: "personal",
    mask: account.mask,
    name: account.name,
    official_name: account.officialName,
    subtype: account.subtype,
    type: account.type,
  } as AccountBase;
}

export function renderItem(item: LocalItem): Item {
  return {
    item_id: item.itemId,
    institution_id: item.institution.institution_id,
    institution_name: item.institution.name,
    webhook: item.webhook,
    auth_method: null,
    error: item.loginRequired ? { ...itemLoginRequired().toBody(""), request_id: undefined } : null,
    available_products: ["balance"],
    billed_products: ["transactions"],
    products: ["transactions"],
    consented_products: ["transactions"],
    consent_expiration_time: null,
    update_type: "background",
  } as Item;
}

export function renderInstitution(institution: LocalInstitution): Institution {
  return {
    institution_id: institution.institution_id,
    name: institution.name,
    products: ["assets", "auth", "balance", "transactions", "identity"],
    country_codes: ["US"],
    url: institution.url,
    primary_color: institution.primary_color,
    logo: null,
    routing_numbers: institution.routing_numbers,
    dtc_numbers: [],
    oauth: false,
    status: null,
  } as Institution;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}
