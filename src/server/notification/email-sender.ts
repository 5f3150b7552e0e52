import nodemailer from "nodemailer";
import { env } from "~/server/env";

export type EmailMessage = { to: string; subject: string; text: string };
export type EmailSender = { send(message: EmailMessage): Promise<void> };

export function createEmailSender(smtpUrl: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

let sender: EmailSender | null = null;

/** Null when SMTP_URL is not set: email is then not offered as a channel. */
export function getEmailSender(): EmailSender | null {
  if (!env.SMTP_URL) return null;
  sender ??= createEmailSender(env.SMTP_URL, env.EMAIL_FROM);
  return sender;
}
