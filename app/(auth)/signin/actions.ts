'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import { emailSignInLink } from '@/lib/auth/email-signin';
import { signInRefusal } from '@/lib/auth/admission';
import { safeCallback } from '@/lib/auth/stage';
import { passkeySignInOptions as signInOptions, signInWithPasskey as passkeySignIn } from '@/lib/auth/second-factor';
import { tokenAction } from '@/lib/actions/authed-action';
import { addressError, checkEmail } from '@/lib/validation/email';
import { renderMessage } from '@/lib/actions/user-error';
import { authenticationResponse } from '@/lib/validation/webauthn';

export type SignInState = { error?: string; email?: string };

export async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get('email') ?? '');
  const locale = await getLocale();
  const checked = checkEmail(raw);
  if (!checked.ok) return { error: renderMessage(locale, addressError(checked.reason)), email: raw };
  const refusal = await signInRefusal(checked.email);
  if (refusal) return { error: renderMessage(locale, refusal === 'disabled' ? 'auth.errors.accountDisabled' : 'auth.errors.emailNotAllowed'), email: raw };
  const result = await emailSignInLink(checked.email, safeCallback(formData.get('callbackUrl')));
  if (!result.ok) return { error: result.error.in(locale), email: raw };
  redirect(result.isDelayed ? '/signin/check-email?delayed=1' : '/signin/check-email');
}

export async function signInWithOidc(formData: FormData) {
  await signIn('oidc', { redirectTo: safeCallback(formData.get('callbackUrl')) });
}

// Passkey sign-in has no session yet: the challenge bound to this browser is what is checked.
export const passkeySignInOptions = tokenAction(z.object({}), () => signInOptions());

export const signInWithPasskey = tokenAction(z.object({ response: authenticationResponse, callbackUrl: z.string().max(2000).optional() }), ({ response, callbackUrl }) =>
  passkeySignIn(response, callbackUrl),
);
