/**
 * The app's one way to send email, over one SMTP transport: account mail (confirmations, password
 * resets) through `sendEmail`, notifications through `smtpSender` (email is offered as a
 * notification channel only when SMTP is configured, since the dev outbox is not a mailbox).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { redisReady } from "~/server/security/redis-ready";
import { saveToOutbox } from "./dev-outbox";
import type { OutgoingEmail } from "./email-message";

export type EmailSender = { send(message: OutgoingEmail): Promise<void> };

let transport: Transporter | undefined;

export const emailConfigured = () => Boolean(env.SMTP_URL);

/** The SMTP sender, or null when SMTP_URL is not set. */
export function smtpSender(): EmailSender | null {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) return null;
  return {
    async send(message) {
      transport ??= nodemailer.createTransport(smtpUrl);
      await transport.sendMail({ from: env.EMAIL_FROM, ...message });
    },
  };
}

/**
 * SMTP when SMTP_URL is set. Otherwise development and tests keep the message in the dev outbox;
 * production logs that it could not send (the recipient is not logged).
 */
export async function sendEmail(message: OutgoingEmail): Promise<void> {
  const smtp = smtpSender();
  if (smtp) return smtp.send(message);
  if (env.NODE_ENV !== "production") {
    await redisReady();
    await saveToOutbox(message);
    return;
  }
  logger.warn({ subject: message.subject }, "email not sent: SMTP_URL is not set");
}
