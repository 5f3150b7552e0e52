/**
 * What a refused sign-in tells the form. next-auth passes a thrown error's message back as
 * `error`, so these strings are the protocol between authorize() and the sign-in pages.
 */
export const SIGN_IN_ERROR = {
  /** The password was right; the account has two-factor on and no code was given. */
  twoFactorRequired: "TwoFactorRequired",
  twoFactorInvalid: "TwoFactorInvalid",
  /** Followed by ":<seconds>", e.g. "RateLimited:8". */
  rateLimited: "RateLimited",
  /** OAuth: the provider has not verified the address, or ours is not verified (no linking). */
  oauthEmailUnverified: "OAuthEmailUnverified",
  oauthAccountNotLinkable: "OAuthAccountNotLinkable",
  twoFactorChallengeExpired: "TwoFactorChallengeExpired",
} as const;

export function rateLimitedError(retryAfterSeconds: number): Error {
  return new Error(`${SIGN_IN_ERROR.rateLimited}:${retryAfterSeconds}`);
}

/** Seconds to wait, when `error` is a rate-limit refusal. */
export function retryAfterOf(error: string | null | undefined): number | null {
  const match = error?.match(/^RateLimited:(\d+)$/);
  return match ? Number(match[1]) : null;
}
