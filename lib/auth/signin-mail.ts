import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { magicLinkEmail } from '@/lib/mail/signin-email';
import { SIGNIN_LINK, sealSignInLink, signInLink } from '@/lib/mail/signin-link';
import { takeFrom, type Limit } from '@/lib/rate-limit';
import { UserError } from '@/lib/actions/user-error';
import { requestLocale } from '@/i18n/request';
import { localeOr } from '@/i18n/translator';
import { waitValues } from '@/lib/auth/wait';
import { SIGNIN_SENDER } from '@/lib/mail/outbox';

const HOUR = 3600_000;
const FIRST_TRY_MS = 15_000;
const PER_ADDRESS: Limit = { bucket: 'signin-email:address', limit: 5, windowMs: HOUR };
// Generous per client: a whole office behind one address signs in on a Monday morning.
const PER_CLIENT: Limit = { bucket: 'signin-email:client', limit: 50, windowMs: HOUR };

/** What queueing did, for the page that asked (lib/auth/email-signin.ts): Auth.js passes nothing back. */
export type SignInMailOutcome = { messageId?: string; refusal?: UserError };
export const signInMailOutcome = new AsyncLocalStorage<SignInMailOutcome>();

/**
 * Counts a sign-in email against its limits (Auth.js's signIn callback, before any token is made).
 * Returns why it is refused, or null; the refusal is also handed to the page that asked.
 */
export async function admitSignInEmail(email: string, client: string): Promise<UserError | null> {
  const refused = await refusal(email, client);
  const outcome = signInMailOutcome.getStore();
  if (refused && outcome) outcome.refusal = refused;
  return refused;
}

async function refusal(email: string, client: string): Promise<UserError | null> {
  const byAddress = await takeFrom(PER_ADDRESS, email);
  if (!byAddress.ok) return new UserError('auth.errors.tooManyForAddress', waitValues(byAddress.retryAfterSeconds));
  const byClient = await takeFrom(PER_CLIENT, client);
  if (!byClient.ok) return new UserError('auth.errors.tooManyFromNetwork', waitValues(byClient.retryAfterSeconds));
  return null;
}

/**
 * Auth.js's sendVerificationRequest. Nothing is sent from here: Auth.js stores the token at the
 * same moment, and no link may go out unless that worked. The message is queued with its link
 * sealed; whoever asked sends it at once, and the outbox retries it if mail is down. It is written
 * in the language the user picked for Handoff (User.locale), else in the one of the page that asked.
 */
export async function queueSignInEmail(email: string, token: string, callbackUrl: string | null): Promise<void> {
  const outcome = signInMailOutcome.getStore();
  const locale = await signInMailLocale(email);
  const message = await db().emailOutbox.create({
    data: {
      ...magicLinkEmail(locale, email, SIGNIN_LINK, new URL(env().APP_URL).host),
      sender: SIGNIN_SENDER,
      sealedLink: sealSignInLink(signInLink(email, token, callbackUrl)),
      // The page that asked sends it at once and tells the person how that went; the outbox
      // timers (of any instance) leave it to that page for a moment.
      ...(outcome && { nextAttemptAt: new Date(Date.now() + FIRST_TRY_MS) }),
    },
    select: { id: true },
  });
  if (outcome) outcome.messageId = message.id;
}

async function signInMailLocale(email: string) {
  const user = await db().user.findUnique({ where: { email }, select: { locale: true } });
  return localeOr(user?.locale, await requestLocale());
}
