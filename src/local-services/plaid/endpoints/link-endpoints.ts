/** Linking an Item: link token, the sandbox shortcut that creates an Item, and the token exchange. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findInstitution } from "../institutions";
import { invalidInstitution } from "../plaid-error";
import { endpoint } from "./endpoint";

const LINK_TOKEN_TTL_MS = 4 * 60 * 60 * 1000;

export const linkTokenCreate = endpoint(
  z.object({
    client_name: z.string().min(1),
    language: z.string().min(2),
    country_codes: z.array(z.string()).min(1),
    user: z.object({ client_user_id: z.string().min(1) }),
    products: z.array(z.string()).nullish(),
    webhook: z.url().optional(),
    access_token: z.string().nullish(),
    redirect_uri: z.string().optional(),
  }),
  () => ({
    link_token: `link-sandbox-${randomUUID()}`,
    expiration: new Date(Date.now() + LINK_TOKEN_TTL_MS).toISOString().replace(/\.\d{3}Z$/, "Z"),
  }),
);

export const sandboxPublicTokenCreate = endpoint(
  z.object({
    institution_id: z.string().min(1),
    initial_products: z.array(z.string()).min(1),
    options: z
      .object({
        webhook: z.url().optional(),
        transactions: z.object({ days_requested: z.number().int().min(1).max(730).optional() }).nullish(),
      })
      .optional(),
  }),
  (input, { state, webhooks }) => {
    const institution = findInstitution(input.institution_id);
    if (!institution) throw invalidInstitution();
    const { item, publicToken } = state.createItem(
      institution,
      input.options?.webhook ?? null,
      input.options?.transactions?.days_requested,
    );
    // Plaid announces the finished initial pull with SYNC_UPDATES_AVAILABLE.
    void webhooks.changed(item);
    return { public_token: publicToken };
  },
);

export const itemPublicTokenExchange = endpoint(z.object({ public_token: z.string().min(1) }), (input, { state }) => {
  const { accessToken, item } = state.exchange(input.public_token);
  return { access_token: accessToken, item_id: item.itemId };
});
