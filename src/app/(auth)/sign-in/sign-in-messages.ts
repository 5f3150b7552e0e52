import { SIGN_IN_ERROR, retryAfterOf } from "~/server/auth/sign-in-errors";

/** What to tell the person for each `error` next-auth hands back. */
export function signInErrorMessage(error: string): string {
  const wait = retryAfterOf(error);
  if (wait !== null) {
    return `Too many attempts. Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`;
  }
  switch (error) {
    case SIGN_IN_ERROR.twoFactorRequired:
      return "Enter the code from your authenticator app.";
    case SIGN_IN_ERROR.twoFactorInvalid:
      return "That code is not right. Use the current code, or one of your recovery codes.";
    case SIGN_IN_ERROR.oauthEmailUnverified:
      return "Google has not verified that email address, so it cannot be used to sign in here.";
    case SIGN_IN_ERROR.oauthAccountNotLinkable:
      return "An account with this email exists but its address is not confirmed yet. Sign in with your password and confirm your email first; then Google sign-in will work.";
    case SIGN_IN_ERROR.twoFactorChallengeExpired:
      return "That sign-in took too long. Please start again.";
    case "CredentialsSignin":
      return "That email and password don't match an account.";
    default:
      return "Sign-in did not work. Please try again.";
  }
}
