import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { redisReady } from "~/server/security/redis-ready";
import { saveToOutbox } from "./dev-outbox";
import type { OutgoingEmail } from "./email-message";

let transport: Transporter | undefined;

export const emailConfigured = () => Boolean(env.SMTP_URL);

/**
 * SMTP when SMTP_URL is set. Otherwise development and tests keep the message in the dev outbox;
 * production logs that it could not send (the recipient is not logged).
 */
export async function sendEmail(message: OutgoingEmail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.EMAIL_FROM, ...message });
    return;
  }
  if (env.NODE_ENV !== "production") {
    await redisReady();
    await saveToOutbox(message);
    return;
  }
  logger.warn({ subject: message.subject }, "email not sent: SMTP_URL is not set");
}
