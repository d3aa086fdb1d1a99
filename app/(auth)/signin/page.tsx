import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { currentSignIn } from '@/lib/auth';
import { detourFor, safeCallback } from '@/lib/auth/stage';
import { SignInForm } from './signin-form';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { signInWithOidc } from './actions';
import { button } from '@/components/ui/styles';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('title') };
}

// The errors Auth.js names in ?error=, and their messages; any other is a plain "sign-in failed".
const ERRORS = {
  Verification: 'failed.Verification',
  AccessDenied: 'failed.AccessDenied',
  EmailSignin: 'failed.EmailSignin',
  TooManyEmails: 'failed.TooManyEmails',
  AccountDisabled: 'failed.AccountDisabled',
  Configuration: 'failed.Configuration',
} as const;
const errorKey = (error: string) => (Object.hasOwn(ERRORS, error) ? ERRORS[error as keyof typeof ERRORS] : 'failed.other');

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  const target = safeCallback(callbackUrl);
  // Signed in already, or halfway: on to where they were going, or to the second factor.
  const signIn = await currentSignIn();
  if (signIn) redirect(detourFor(signIn.stage, target) ?? target);
  const config = env();
  const hasOidc = Boolean(config.OIDC_ISSUER);
  const t = await getTranslations('auth.signIn');
  const message = error ? t(errorKey(error)) : null;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">{t('intro')}</p>
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
              {t('continueWith', { provider: config.OIDC_NAME })}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
