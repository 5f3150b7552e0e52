/** Plain text only: nothing a user typed can become markup in someone's mail client. */
export type OutgoingEmail = { to: string; subject: string; text: string };
