import 'server-only';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { senderHeaders, type OnBehalfOf } from '@/lib/mail/sender';

export type Email = { to: string; subject: string; text: string; html: string };

/** A queued message that must not go out at all (a sign-in link never stored, or expired): not retried. */
export class Undeliverable extends Error {}

const globalForMail = globalThis as unknown as { handoffMailer?: Transporter };

/** A connection to the relay at `url` (the doctor checks one of its own, lib/doctor/smtp.ts). */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url, {
    // Fail fast when the relay is down: the outbox will try again later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

function mailer(): Transporter {
  globalForMail.handoffMailer ??= smtpTransport(env().SMTP_URL);
  return globalForMail.handoffMailer;
}

const NOBODY: OnBehalfOf = { onBehalfOfName: null, replyTo: null };

/** Sends one message, with a plain-text and an HTML part; `behalf` names whom it is sent for, if anyone. */
export async function sendEmail(email: Email, behalf: OnBehalfOf = NOBODY): Promise<void> {
  await mailer().sendMail({ ...email, ...senderHeaders(behalf) });
}

/**
 * For /api/ready: connects to the relay, says EHLO (and logs in, when SMTP_URL carries a user),
 * then quits; no mail is sent. A connection of its own, with timeouts of `timeoutMs`. Throws when it fails.
 */
export async function verifySmtp(timeoutMs: number): Promise<void> {
  const probe = nodemailer.createTransport(env().SMTP_URL, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    await probe.verify();
  } finally {
    probe.close();
  }
}
