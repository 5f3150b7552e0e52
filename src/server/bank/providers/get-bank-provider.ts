import { AppError } from "~/server/errors";
import type { BankProvider, BankProviderName } from "./bank-provider";
import { plaidProvider } from "./plaid/plaid-provider";

/** The provider a connection was made with (bank_connections.provider). */
export function getBankProvider(name: string): BankProvider {
  const provider = name as BankProviderName;
  switch (provider) {
    case "plaid":
      return plaidProvider();
    default: {
      const unknown: never = provider;
      throw new AppError("INVALID_INPUT", `unknown bank provider ${String(unknown)}`);
    }
  }
}
