/** An Item and its accounts: read, remove, and the sandbox endpoints that change its state. */
import { z } from "zod";
import { PlaidHttpError } from "../plaid-error";
import { renderAccount, renderItem } from "../render";
import { FIREABLE_WEBHOOK_CODES } from "../webhooks/item-webhooks";
import { endpoint, requireItem } from "./endpoint";

const withAccessToken = z.object({ access_token: z.string().min(1) });

export const itemGet = endpoint(withAccessToken, (_input, context) => {
  const item = requireItem(context);
  return {
    item: { ...renderItem(item), created_at: item.createdAt.toISOString() },
    status: {
      transactions: { last_successful_update: new Date().toISOString(), last_failed_update: null },
      last_webhook: null,
    },
  };
});

export const itemRemove = endpoint(withAccessToken, (input, { state }) => {
  state.removeItem(input.access_token);
  return {};
});

/** /accounts/get and /accounts/balance/get answer alike here: balances are always current. */
export const accountsGet = endpoint(
  withAccessToken.extend({
    options: z.object({ account_ids: z.array(z.string()).optional() }).optional(),
  }),
  (input, context) => {
    const item = requireItem(context);
    const wanted = input.options?.account_ids;
    const unknown = wanted?.filter((id) => !item.accounts.some((a) => a.accountId === id)) ?? [];
    if (unknown.length) {
      throw new PlaidHttpError(400, "INVALID_INPUT", "INVALID_ACCOUNT_ID", "one or more of the account IDs is invalid");
    }
    const accounts = item.accounts.filter((a) => !wanted || wanted.includes(a.accountId));
    return { accounts: accounts.map((a) => renderAccount(item, a)), item: renderItem(item) };
  },
);

export const sandboxItemResetLogin = endpoint(withAccessToken, (_input, context) => {
  const item = requireItem(context);
  item.loginRequired = true;
  void context.webhooks.loginChanged(item);
  return { reset_login: true };
});

export const sandboxItemFireWebhook = endpoint(
  withAccessToken.extend({
    webhook_code: z.enum(FIREABLE_WEBHOOK_CODES),
    webhook_type: z.string().optional(),
  }),
  (input, context) => {
    const item = requireItem(context);
    if (!item.webhook) {
      throw new PlaidHttpError(400, "INVALID_REQUEST", "INVALID_FIELD", "the Item has no webhook URL");
    }
    void context.webhooks.fire(item, input.webhook_code);
    return { webhook_fired: true };
  },
);
