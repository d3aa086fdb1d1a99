'use server';

import { env } from '@/lib/env';
import { signIn } from '@/lib/auth';
import { isEmailAllowed } from '@/lib/auth/allowlist';
import { checkEmail } from '@/lib/validation/email';

export type SignInState = { error?: string; email?: string };

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/files';
}

export async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get('email') ?? '');
  const checked = checkEmail(raw);
  if (!checked.ok) return { error: `That email address ${checked.reason}.`, email: raw };
  const config = env();
  if (!isEmailAllowed(checked.email, config.SIGNIN_ALLOWLIST, config.NODE_ENV === 'production')) {
    return { error: 'This email address is not allowed to sign in here. Ask whoever runs this Handoff to add it.', email: raw };
  }
  // Throws the redirect to the "check your email" page; must stay outside try/catch.
  await signIn('nodemailer', { email: checked.email, redirectTo: safeCallback(formData.get('callbackUrl')) });
  return {};
}

export async function signInWithOidc(formData: FormData) {
  await signIn('oidc', { redirectTo: safeCallback(formData.get('callbackUrl')) });
}
