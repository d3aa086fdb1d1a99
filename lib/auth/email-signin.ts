import 'server-only';
import { signIn } from '@/lib/auth';
import { signInMailOutcome, type SignInMailOutcome } from '@/lib/auth/signin-mail';
import { deliverNow } from '@/lib/mail/outbox';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { UserError } from '@/lib/actions/user-error';

// How long the page waits for the mail server before saying the email is delayed.
const WAIT_FOR_MAIL_MS = 5000;

export type EmailSignIn = { ok: true; isDelayed: boolean } | { ok: false; error: UserError };

const notNow = () => new UserError('auth.errors.linkNotNow');

/**
 * Asks Auth.js for a sign-in link (it stores the token; lib/auth/signin-mail.ts queues the email),
 * then sends it at once. If the mail server is down the email stays queued and goes out when it
 * is back; the person is told it is delayed rather than that sign-in is broken.
 */
export async function emailSignInLink(email: string, redirectTo: string): Promise<EmailSignIn> {
  const outcome: SignInMailOutcome = {};
  try {
    await signInMailOutcome.run(outcome, () => signIn('nodemailer', { email, redirectTo, redirect: false }));
  } catch (error) {
    if (isDatabaseBusyError(error)) return { ok: false, error: notNow() };
    if (!outcome.refusal) throw error;
  }
  // Auth.js answers a refusal with an error page's URL rather than an error; the outcome says why.
  if (outcome.refusal) return { ok: false, error: outcome.refusal };
  // Auth.js turns other failures (a locked database) into an error page's URL too.
  if (!outcome.messageId) return { ok: false, error: notNow() };
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), WAIT_FOR_MAIL_MS).unref());
  const isSent = await Promise.race([deliverNow(outcome.messageId), timeout]);
  return { ok: true, isDelayed: !isSent };
}
