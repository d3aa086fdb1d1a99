import 'server-only';
import NextAuth from 'next-auth';
import type { DefaultSession } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { recordSignIn, signInRefusal } from '@/lib/auth/admission';
import { headers } from 'next/headers';
import { cache } from 'react';
import { admitSignInEmail, queueSignInEmail } from '@/lib/auth/signin-mail';
import { clientKey } from '@/lib/client-key';
import { SESSION_MAX_AGE_SECONDS, usesSecureCookies } from '@/lib/auth/session';
import { stageOfSession, type SignInStage } from '@/lib/auth/stage';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** null: the account was disabled by an admin; the session counts for nothing. */
    stage: SignInStage | null;
  }
}

// Config is built on first request (not at import) so `next build` needs no secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  const oidc =
    config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
      ? [
          {
            id: 'oidc',
            name: config.OIDC_NAME,
            type: 'oidc' as const,
            issuer: config.OIDC_ISSUER,
            clientId: config.OIDC_CLIENT_ID,
            clientSecret: config.OIDC_CLIENT_SECRET,
          },
        ]
      : [];
  return {
    adapter: PrismaAdapter(db()),
    secret: config.AUTH_SECRET,
    trustHost: true,
    // Passkey sign-in makes sessions of its own (lib/auth/session.ts): the same cookie and lifetime.
    useSecureCookies: usesSecureCookies(),
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    providers: [
      Nodemailer({
        server: config.SMTP_URL,
        from: config.MAIL_FROM,
        maxAge: 24 * 60 * 60,
        // Queued, not sent here; the link is rebuilt on APP_URL (lib/mail/signin-link.ts).
        async sendVerificationRequest({ identifier, token, url }) {
          await queueSignInEmail(identifier, token, new URL(url).searchParams.get('callbackUrl'));
        },
      }),
      ...oidc,
    ],
    callbacks: {
      // Runs when a link is requested and again when it is used: refuse both for outsiders. Before
      // a link is made, its email is counted against the sign-in limits (lib/auth/signin-mail.ts).
      async signIn({ user, email }) {
        const refusal = await signInRefusal(user.email);
        if (refusal) return refusal === 'disabled' ? '/signin?error=AccountDisabled' : false;
        if (!email?.verificationRequest || !user.email) return true;
        const refused = await admitSignInEmail(user.email, clientKey(await headers()));
        return refused ? '/signin?error=TooManyEmails' : true;
      },
      async session({ session, user }) {
        session.user.id = user.id;
        session.stage = await stageOfSession(session.sessionToken, user.id);
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id) await recordSignIn(user.id);
      },
    },
  };
});

export type SessionUser = { id: string; email: string; name: string | null };

/**
 * Who this browser's session belongs to and how far it has got, or null when signed out. Read
 * once per page render (the layout and the page both ask: three queries each); in actions and
 * routes, where React keeps no render, every call reads it again.
 */
export const currentSignIn = cache(async (): Promise<{ user: SessionUser; stage: SignInStage } | null> => {
  const session = await auth();
  const user = session?.user;
  if (!session?.stage || !user?.id || !user.email) return null;
  return { user: { id: user.id, email: user.email, name: user.name ?? null }, stage: session.stage };
});

/**
 * The fully signed-in user, or null (also while a second factor is still owed or must be set
 * up). Every action, route and page calls this itself.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const signIn = await currentSignIn();
  return signIn?.stage === 'signed-in' ? signIn.user : null;
}
