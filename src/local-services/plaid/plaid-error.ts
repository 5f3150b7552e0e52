/**
 * Errors in Plaid's format and with Plaid's statuses
 * (https://plaid.com/docs/errors/): every failure body is
 * {error_type, error_code, error_message, display_message, request_id, …}.
 */
export type PlaidErrorType =
  | "INVALID_REQUEST"
  | "INVALID_INPUT"
  | "INVALID_RESULT"
  | "API_ERROR"
  | "ITEM_ERROR"
  | "RATE_LIMIT_EXCEEDED"
  | "TRANSACTIONS_ERROR"
  | "INSTITUTION_ERROR";

export interface PlaidErrorBody {
  error_type: PlaidErrorType;
  error_code: string;
  error_code_reason: string | null;
  error_message: string;
  display_message: string | null;
  request_id: string;
  causes: unknown[];
  status: number;
  documentation_url: string;
  suggested_action: string | null;
}

export class PlaidHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: PlaidErrorType,
    readonly code: string,
    message: string,
    readonly displayMessage: string | null = null,
  ) {
    super(message);
  }

  toBody(requestId: string): PlaidErrorBody {
    return {
      error_type: this.type,
      error_code: this.code,
      error_code_reason: null,
      error_message: this.message,
      display_message: this.displayMessage,
      request_id: requestId,
      causes: [],
      status: this.status,
      documentation_url: `https://plaid.com/docs/errors/${this.type.toLowerCase().replaceAll("_", "-")}/#${this.code.toLowerCase()}`,
      suggested_action: null,
    };
  }
}

export const invalidField = (message: string) => new PlaidHttpError(400, "INVALID_REQUEST", "INVALID_FIELD", message);

export const missingFields = (fields: string[]) =>
  new PlaidHttpError(
    400,
    "INVALID_REQUEST",
    "MISSING_FIELDS",
    `the following required fields are missing: ${fields.join(", ")}`,
  );

export const invalidApiKeys = () =>
  new PlaidHttpError(400, "INVALID_INPUT", "INVALID_API_KEYS", "invalid client_id or secret provided");

export const invalidAccessToken = () =>
  new PlaidHttpError(400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN", "provided access token is in an invalid format");

export const invalidPublicToken = () =>
  new PlaidHttpError(
    400,
    "INVALID_INPUT",
    "INVALID_PUBLIC_TOKEN",
    "provided public token is expired or has already been used",
  );

export const invalidInstitution = () =>
  new PlaidHttpError(400, "INVALID_INPUT", "INVALID_INSTITUTION", "invalid institution_id provided");

export const itemNotFound = () =>
  new PlaidHttpError(
    400,
    "ITEM_ERROR",
    "ITEM_NOT_FOUND",
    "the Item you requested cannot be found. This Item does not exist, has been previously removed via /item/remove, or has had access removed by the user.",
  );

export const unknownPath = (path: string) =>
  new PlaidHttpError(404, "INVALID_REQUEST", "UNKNOWN_FIELDS", `unknown endpoint ${path}`);

export const INJECTABLE_ERROR_CODES = [
  "RATE_LIMIT_EXCEEDED",
  "INTERNAL_SERVER_ERROR",
  "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
  "ITEM_LOGIN_REQUIRED",
] as const;
export type InjectableError = (typeof INJECTABLE_ERROR_CODES)[number];

export const itemLoginRequired = () =>
  new PlaidHttpError(
    400,
    "ITEM_ERROR",
    "ITEM_LOGIN_REQUIRED",
    "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
    "To fix this, please reconnect your account.",
  );

export const mutationDuringPagination = () =>
  new PlaidHttpError(
    400,
    "TRANSACTIONS_ERROR",
    "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
    "Underlying transaction data changed since last page was fetched. Please restart pagination from last update.",
  );

/** The errors a test can ask the server to return for its next calls. */
export const INJECTABLE_ERRORS: Record<InjectableError, (path: string) => PlaidHttpError> = {
  RATE_LIMIT_EXCEEDED: (path) =>
    new PlaidHttpError(
      429,
      "RATE_LIMIT_EXCEEDED",
      path === "/transactions/sync" ? "TRANSACTIONS_SYNC_LIMIT" : "RATE_LIMIT",
      "rate limit exceeded for attempts to access this item. please try again later",
      "Too many requests were made. Try again later.",
    ),
  INTERNAL_SERVER_ERROR: () =>
    new PlaidHttpError(
      500,
      "API_ERROR",
      "INTERNAL_SERVER_ERROR",
      "an unexpected error occurred",
      "An unexpected error occurred. Please try again later.",
    ),
  TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION: mutationDuringPagination,
  ITEM_LOGIN_REQUIRED: itemLoginRequired,
};
