import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { env } from '@/lib/env';
import { currentSignIn } from '@/lib/auth';
import { detourFor, safeCallback } from '@/lib/auth/stage';
import { SignInForm } from './signin-form';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { signInWithOidc } from './actions';
import { button } from '@/components/ui/styles';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one below.',
  AccessDenied: 'This account is not allowed to sign in here.',
  EmailSignin: 'The sign-in email could not be queued just now. Wait a moment and ask again.',
  TooManyEmails: 'Too many sign-in links were asked for this address or from your network in the last hour. Use the newest one you have, or try again later.',
  Configuration: 'Sign-in is not configured correctly on this server. Check the server log.',
};

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  const target = safeCallback(callbackUrl);
  // Signed in already, or halfway: on to where they were going, or to the second factor.
  const signIn = await currentSignIn();
  if (signIn) redirect(detourFor(signIn.stage, target) ?? target);
  const config = env();
  const hasOidc = Boolean(config.OIDC_ISSUER);
  const message = error ? (ERRORS[error] ?? 'Sign-in failed. Try again.') : null;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Sign in to Handoff</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">We will email you a link that signs you in.</p>
        {message && (
          <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {message}
          </p>
        )}
        <SignInForm callbackUrl={target} />
        <div className="mt-4 border-t border-zinc-200 pt-4">
          <PasskeySignIn callbackUrl={target} />
        </div>
        {hasOidc && (
          <form action={signInWithOidc} className="mt-4 border-t border-zinc-200 pt-4">
            <input type="hidden" name="callbackUrl" value={target} />
            <button type="submit" className={`${button.secondary} w-full`}>
              Continue with {config.OIDC_NAME}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
