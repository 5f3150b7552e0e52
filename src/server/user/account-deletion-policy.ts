/** The input and the promise of "delete my account", importable by the settings page. */
import { z } from "zod";

export const deleteAccountInput = z.object({
  /** Typed by the user, so a slip of the mouse deletes nothing. */
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
  password: z.string().max(200).optional(),
  code: z.string().trim().max(40).optional(),
});

/** Told to the user before they confirm, and in docs/SECURITY.md. */
export const ACCOUNT_DELETION_KEEPS = [
  {
    what: "Security audit entries (sign-ins, two-factor and token changes, this deletion) with their time, IP address and browser",
    why: "They are detached from you (no user id, no email) and kept for the operator's audit retention, to investigate abuse of the service.",
  },
  {
    what: "Merchant names and categories the app learned across all users",
    why: "This shared cache holds no personal data and no link to you.",
  },
  {
    what: "Database backups taken before today",
    why: "They expire on the operator's backup schedule; a restore would not bring back a deleted account without your asking.",
  },
  {
    what: "Messages already delivered to you (email, Telegram) and what your bank and Plaid hold themselves",
    why: "They are outside this app. Plaid is told to stop sharing your bank data (the connection is removed at Plaid).",
  },
] as const;
