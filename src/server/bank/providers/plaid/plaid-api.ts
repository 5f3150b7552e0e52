/**
 * The `plaid` SDK client, and nothing else: which server, which credentials. PLAID_ENV=local
 * points the same SDK at the bundled Plaid-compatible server, so every call the app makes
 * goes through the real client over real HTTP in development and tests too.
 */
import { Configuration, PlaidApi, PlaidEnvironments } from "plaid";
import { env, plaidCredentials } from "~/server/env";

export interface PlaidApiConfig {
  environment: "local" | "sandbox" | "production";
  clientId: string;
  secret: string;
  localUrl: string;
  timeoutMs?: number;
}

export function plaidBasePath(environment: PlaidApiConfig["environment"], localUrl: string): string {
  return environment === "local" ? localUrl.replace(/\/+$/, "") : PlaidEnvironments[environment]!;
}

export function createPlaidApi(
  config: PlaidApiConfig = {
    environment: env.PLAID_ENV,
    clientId: plaidCredentials.clientId,
    secret: plaidCredentials.secret,
    localUrl: env.PLAID_LOCAL_URL,
  },
): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: plaidBasePath(config.environment, config.localUrl),
      baseOptions: {
        timeout: config.timeoutMs ?? 30_000,
        headers: {
          "PLAID-CLIENT-ID": config.clientId,
          "PLAID-SECRET": config.secret,
          // Pin the API version the transform was written against.
          "Plaid-Version": "2020-09-14",
        },
      },
    }),
  );
}
