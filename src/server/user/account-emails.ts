import { env } from "~/server/env";
import type { OutgoingEmail } from "~/server/email/email-message";

const link = (path: string, token: string) => `${new URL(path, env.APP_URL).toString()}?token=${token}`;

export function verificationEmail(to: string, token: string): OutgoingEmail {
  return {
    to,
    subject: "Confirm your email address",
    text: [
      "Confirm that this address belongs to your Money Tracking account:",
      "",
      link("/verify-email", token),
      "",
      "The link works once and expires in 24 hours. If you did not create an account, ignore this email.",
    ].join("\n"),
  };
}

export function passwordResetEmail(to: string, token: string): OutgoingEmail {
  return {
    to,
    subject: "Reset your password",
    text: [
      "Someone asked to reset the password of your Money Tracking account. To choose a new one:",
      "",
      link("/reset-password", token),
      "",
      "The link works once and expires in 1 hour. Resetting signs out every device.",
      "If this was not you, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
