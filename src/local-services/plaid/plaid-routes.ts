/** Plaid's endpoints this server speaks, by path. */
import type { Endpoint } from "./endpoints/endpoint";
import { institutionsGet, institutionsGetById, webhookVerificationKeyGet } from "./endpoints/institution-endpoints";
import {
  accountsGet,
  itemGet,
  itemRemove,
  sandboxItemFireWebhook,
  sandboxItemResetLogin,
} from "./endpoints/item-endpoints";
import { itemPublicTokenExchange, linkTokenCreate, sandboxPublicTokenCreate } from "./endpoints/link-endpoints";
import { transactionsSync } from "./endpoints/transactions-sync";

export const PLAID_ROUTES: Record<string, Endpoint> = {
  "/link/token/create": linkTokenCreate,
  "/sandbox/public_token/create": sandboxPublicTokenCreate,
  "/item/public_token/exchange": itemPublicTokenExchange,
  "/item/get": itemGet,
  "/item/remove": itemRemove,
  "/accounts/get": accountsGet,
  "/accounts/balance/get": accountsGet,
  "/transactions/sync": transactionsSync,
  "/institutions/get": institutionsGet,
  "/institutions/get_by_id": institutionsGetById,
  "/webhook_verification_key/get": webhookVerificationKeyGet,
  "/sandbox/item/reset_login": sandboxItemResetLogin,
  "/sandbox/item/fire_webhook": sandboxItemFireWebhook,
};

/** Paths that read an Item's data, and so fail while its login is broken. */
export const ITEM_DATA_PATHS = new Set(["/accounts/get", "/accounts/balance/get", "/transactions/sync"]);
