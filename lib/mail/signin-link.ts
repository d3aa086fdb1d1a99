import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { escapeHtml } from '@/lib/mail/layout';
import { Undeliverable, type Email } from '@/lib/mail/transport';
import { seal, unseal } from '@/lib/seal';

/** Stands in for the sign-in link in a queued message; the link itself waits sealed beside it. */
export const SIGNIN_LINK = 'HANDOFF_SIGNIN_LINK';
const PURPOSE = 'signin-link';
// Auth.js stores the token while the message is queued; a message younger than this whose token
// is not there yet is retried rather than dropped.
const STORE_GRACE_MS = 60_000;

/** Only the path of where to go after signing in; never another host. */
function appPath(callbackUrl: string | null): string {
  try {
    const url = new URL(callbackUrl ?? '/files', 'http://placeholder');
    return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
  } catch {
    return '/files';
  }
}

/**
 * The sign-in link, always on APP_URL. Auth.js would build it from the request's Host or
 * X-Forwarded-Host header, which whoever asks for a link chooses: that would mail a victim a
 * genuine token on an attacker's host.
 */
export function signInLink(email: string, token: string, callbackUrl: string | null): string {
  const app = env().APP_URL;
  const link = new URL('/api/auth/callback/nodemailer', app);
  link.searchParams.set('callbackUrl', new URL(appPath(callbackUrl), app).toString());
  link.searchParams.set('token', token);
  link.searchParams.set('email', email);
  return link.toString();
}

export function sealSignInLink(link: string): string {
  return seal(link, PURPOSE);
}

// Auth.js keeps sha256(token + secret) of each link it made (@auth/core send-token.js).
function storedForm(token: string): string {
  return createHash('sha256').update(`${token}${env().AUTH_SECRET}`).digest('hex');
}

/** Puts the unsealed link in the message, if its sign-in was stored and is still valid. */
export async function withSignInLink(sealedLink: string, queuedAt: Date, email: Email): Promise<Email> {
  const link = unseal(sealedLink, PURPOSE);
  if (!link) throw new Undeliverable('the sign-in link could not be unsealed (was AUTH_SECRET changed?)');
  const params = new URL(link).searchParams;
  const stored = await db().verificationToken.findUnique({
    where: { identifier_token: { identifier: params.get('email') ?? '', token: storedForm(params.get('token') ?? '') } },
    select: { expires: true },
  });
  if (!stored) {
    if (Date.now() - queuedAt.getTime() < STORE_GRACE_MS) throw new Error('the sign-in link is not stored yet');
    throw new Undeliverable('the sign-in link was never stored (that sign-in failed), so it was not sent');
  }
  if (stored.expires.getTime() <= Date.now()) throw new Undeliverable('the sign-in link expired before it could be sent');
  return { ...email, text: email.text.replaceAll(SIGNIN_LINK, link), html: email.html.replaceAll(SIGNIN_LINK, escapeHtml(link)) };
}
